import { respondWithSourceFile } from "../../_lib/source-file-response";

export const dynamic = "force-dynamic";

/** The raw bytes of a stored file, by id only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return respondWithSourceFile(
    "sources",
    (await params).id,
    (file) =>
      new Response(file.content, {
        headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
      }),
  );
}
