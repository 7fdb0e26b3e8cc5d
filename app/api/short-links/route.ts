import { db } from "@/db";
import { listImports } from "@/db/queries/facets";
import { saveShortLink } from "@/db/queries/short-links";
import { badRequest, handle } from "@/lib/http/responses";
import { readShortLinkRequest } from "@/lib/share/short-link-path";

export const dynamic = "force-dynamic";

/**
 * Makes (or finds) the short link of a permalink: `{"path": "/explore?…&asof=N"}` gives
 * `{"id", "path", "url": "/s/ID"}`. The same permalink always gets the same id (decision 014).
 */
export const POST = handle("short-links", async (request) => {
  const body: unknown = await request.json().catch(() => null);
  const asked = readShortLinkRequest(body);
  if (!asked.ok) return badRequest(asked.error);
  const imports = await listImports(db);
  if (!imports.some((i) => i.id === asked.asof))
    return badRequest(`"asof" ${asked.asof} names no import that stored data (GET /api/imports lists them).`);
  const link = await saveShortLink(db, asked.path, asked.asof);
  return Response.json({ id: link.id, path: link.path, url: `/s/${link.id}` });
});
