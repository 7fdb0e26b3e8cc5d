import { db, uploadStore } from "@/db";
import { listImports } from "@/db/queries/facets";
import { handle } from "@/lib/http/responses";
import { handleUpload } from "@/lib/upload/handle-upload";

export const dynamic = "force-dynamic";

/** Imports that stored data: the ids a permalink's `asof` can pin. */
export const GET = handle("imports", async () => Response.json({ imports: await listImports(db) }));

/** An upload of benchmark outputs, imported as `npm run ingest` would (README, "Uploading results"). */
export const POST = handle("imports", (request) => handleUpload(request, uploadStore()));
