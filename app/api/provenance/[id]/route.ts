import { respondWithSourceFile } from "../../_lib/source-file-response";

export const dynamic = "force-dynamic";

/** A stored file's provenance (path, sha256, tool, command, host) and its raw text, as JSON. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return respondWithSourceFile("provenance", (await params).id, (file) => Response.json(file));
}
