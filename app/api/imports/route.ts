import { db } from "@/db";
import { listImports } from "@/db/queries/facets";
import { handle } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** Imports that stored data: the ids a permalink's `asof` can pin. */
export const GET = handle("imports", async () => Response.json({ imports: await listImports(db) }));
