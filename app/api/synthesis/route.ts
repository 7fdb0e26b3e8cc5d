import { db } from "@/db";
import { getSynthesisData } from "@/db/queries/synthesis";
import { blockingNotices, unknownParams } from "@/lib/explore/selection";
import { badRequest, cachedJsonResponse, handle, warningsResponse } from "@/lib/http/responses";
import { memoizeByObject } from "@/lib/memoize";
import { loadSynthesisFilters } from "@/lib/search-params";
import { synthesisJson, type Synthesis } from "@/lib/synthesis/synthesize";

export const dynamic = "force-dynamic";

/** The body of each cached synthesis, serialised once: it holds every study of every row. */
const bodyOf = memoizeByObject((s: Synthesis) => new TextEncoder().encode(JSON.stringify(synthesisJson(s))));

/** Every runtime against the baseline across datasets, per category (docs/decisions/007-synthesis-across-datasets.md). */
export const GET = handle("synthesis", async (request) => {
  const url = new URL(request.url);
  const raw = Object.fromEntries(url.searchParams.entries());
  const data = await getSynthesisData(db, loadSynthesisFilters(url.searchParams), raw);
  const blocking = [...unknownParams(raw), ...blockingNotices(data.notices)];
  if (blocking.length > 0) return warningsResponse(blocking);
  if (data.hosts === 0) return badRequest("no data has been imported yet");
  return cachedJsonResponse(bodyOf(data.synthesis));
});
