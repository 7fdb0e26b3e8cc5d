import { db } from "@/db";
import { getSynthesisData, type SynthesisData } from "@/db/queries/synthesis";
import { blockingNotices, unknownParams } from "@/lib/explore/selection";
import { badRequest, cachedJsonResponse, handle, warningsResponse } from "@/lib/http/responses";
import { memoizeByObject } from "@/lib/memoize";
import { loadSynthesisApiFilters } from "@/lib/search-params";
import { listsStudies, synthesisJsonText, unreadableStudies } from "@/lib/synthesis/json-body";

export const dynamic = "force-dynamic";

/**
 * The bodies of each cached view, serialised once: with every study of every row, and without.
 * Keyed by the view (SynthesisData); with the read cache off every request makes its body, from
 * row texts kept with the pooled rows (lib/synthesis/json-body.ts).
 */
const encoded = (withStudies: boolean) =>
  memoizeByObject((data: SynthesisData) =>
    new TextEncoder().encode(synthesisJsonText(data.synthesis, { withStudies })),
  );
const bodyWithStudies = encoded(true);
const bodyWithoutStudies = encoded(false);

/** Every runtime against the baseline across datasets, per category (docs/decisions/007-synthesis-across-datasets.md). */
export const GET = handle("synthesis", async (request) => {
  const url = new URL(request.url);
  const raw = Object.fromEntries(url.searchParams.entries());
  const { studies, ...asked } = loadSynthesisApiFilters(url.searchParams);
  const data = await getSynthesisData(db, asked, raw);
  const blocking = [
    ...unknownParams(raw, ["studies"]),
    ...blockingNotices([...data.notices, ...unreadableStudies(raw)]),
  ];
  if (blocking.length > 0) return warningsResponse(blocking);
  if (data.hosts === 0) return badRequest("no data has been imported yet");
  const body = listsStudies(studies, data.filters) ? bodyWithStudies : bodyWithoutStudies;
  return cachedJsonResponse(body(data));
});
