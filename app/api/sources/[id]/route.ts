import { db } from "@/db";
import { getSourceFile } from "@/db/queries/provenance";
import { badRequest } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The raw bytes of a stored file, by id only: no path from a request ever reaches the file system. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return badRequest(`source file id must be a number, got "${id}"`);
  try {
    const file = await getSourceFile(db, Number(id));
    if (!file) return Response.json({ error: `no stored file with id ${id}` }, { status: 404 });
    return new Response(file.content, { headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });
  } catch (e) {
    console.error("[api/sources]", e);
    return Response.json({ error: "internal error while reading the database" }, { status: 500 });
  }
}
