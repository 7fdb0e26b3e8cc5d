import { db } from "@/db";
import { getSourceFile } from "@/db/queries/provenance";
import { badRequest } from "@/lib/http";

export const dynamic = "force-dynamic";

/** A stored file's provenance (path, sha256, tool, command, host) and its raw text, as JSON. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return badRequest(`source file id must be a number, got "${id}"`);
  try {
    const file = await getSourceFile(db, Number(id));
    if (!file) return Response.json({ error: `no stored file with id ${id}` }, { status: 404 });
    return Response.json(file);
  } catch (e) {
    console.error("[api/provenance]", e);
    return Response.json({ error: "internal error while reading the database" }, { status: 500 });
  }
}
