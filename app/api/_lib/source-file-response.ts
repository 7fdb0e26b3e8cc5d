import { db } from "@/db";
import { getSourceFile, type SourceFileDetail } from "@/db/queries/provenance";
import { badRequest, internalError } from "@/lib/http/responses";
import { parseSourceId } from "@/lib/http/source-id";

/** Shared by the raw and JSON views of a stored file: id check, 404, and logged 500s. */
export async function respondWithSourceFile(
  tag: string,
  rawId: string,
  respond: (file: SourceFileDetail) => Response,
): Promise<Response> {
  const id = parseSourceId(rawId);
  if (id === null) return badRequest(`source file id must be a number, got "${rawId}"`);
  try {
    const file = await getSourceFile(db, id);
    if (!file) return Response.json({ error: `no stored file with id ${id}` }, { status: 404 });
    return respond(file);
  } catch (e) {
    return internalError(tag, e);
  }
}
