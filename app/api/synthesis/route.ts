import { db } from "@/db";
import { getSynthesisData } from "@/db/queries/synthesis";
import { badRequest, handle } from "@/lib/http/responses";
import { loadSynthesisFilters } from "@/lib/search-params";
import { synthesisJson } from "@/lib/synthesis/synthesize";

export const dynamic = "force-dynamic";

/** Every runtime against the baseline across datasets, per category (docs/decisions/007-synthesis-across-datasets.md). */
export const GET = handle("synthesis", async (request) => {
  const url = new URL(request.url);
  const raw = Object.fromEntries(url.searchParams.entries());
  const data = await getSynthesisData(db, loadSynthesisFilters(url.searchParams), raw);
  if (data.notices.length > 0) return badRequest(data.notices.map((n) => n.message).join(" "), data.notices);
  if (data.hosts === 0) return badRequest("no data has been imported yet");
  return Response.json(synthesisJson(data.synthesis));
});
