import { serializeFilters, serializeSynthesis, type SynthesisFilters } from "../search-params";

/** What a link into the synthesis keeps of the view it comes from. */
export type SynthesisView = Pick<SynthesisFilters, "baseline" | "indirect" | "asof">;

/** The forest plot of one runtime in one category: every study behind the pooled value. */
export function forestHref(runtime: string, category: string, view: SynthesisView): string {
  return serializeSynthesis("/synthesis", { ...view, runtime: [runtime], category: [category] });
}

/** Where a study was measured: its dataset and host, and the runtime it was compared with there. */
export interface StudyPlace {
  dataset: string;
  host: string;
  /** The baseline, or the bridge an indirect study was measured against. */
  against: string;
}

/** A study's explore view: the runtime against what the study compared it with, on its host. */
export function studyExploreHref(place: StudyPlace, runtime: string, asof: number | null): string {
  return serializeFilters("/explore", {
    dataset: place.dataset,
    host: place.host,
    baseline: place.against,
    runtime: [runtime],
    asof,
  });
}
