import { loadFilters, serializeFilters, serializeSynthesis, type SynthesisFilters } from "../search-params";
import type { SynthesisRow, SynthesisStudy } from "./synthesize";

/** What a link into the synthesis keeps of the view it comes from. */
export type SynthesisView = Pick<SynthesisFilters, "baseline" | "indirect" | "asof">;

/** The forest plot of one runtime in one category: every study behind the pooled value. */
export function forestHref(runtime: string, category: string, view: SynthesisView): string {
  return serializeSynthesis("/synthesis", {
    baseline: view.baseline,
    indirect: view.indirect,
    asof: view.asof,
    runtime: [runtime],
    category: [category],
  });
}

/** What a study's explore view needs of it. */
export type StudyPlace = Pick<SynthesisStudy, "dataset" | "host" | "via" | "workloads">;

/** A study's own explore view: its dataset and host, against the baseline or the bridge it went through. */
export function studyExploreHref(
  row: Pick<SynthesisRow, "runtime">,
  study: StudyPlace,
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
