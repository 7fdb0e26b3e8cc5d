import { loadFilters, serializeFilters } from "@/lib/search-params";
import type { SynthesisRow, SynthesisStudy } from "@/lib/synthesis/synthesize";

/** A study's own explore view: its dataset and host, against the baseline or the bridge it went through. */
export function studyExploreHref(
  row: Pick<SynthesisRow, "runtime">,
  study: SynthesisStudy,
  baseline: string,
  asof: number | null,
): string {
  return serializeFilters("/explore", {
    ...loadFilters({}),
    dataset: study.dataset,
    host: study.host,
    baseline: study.via ?? baseline,
    runtime: [row.runtime],
    workload: study.workloads,
    asof,
  });
}
