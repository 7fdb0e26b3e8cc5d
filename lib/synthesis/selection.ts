import { CATEGORIES } from "../categories";
import { firstRawValue, keepKnown, type Notice, type RawParams } from "../explore/selection";
import { runtimeLabel } from "../format";
import { INDIRECT, type SynthesisFilters } from "../search-params";

/** What the synthesis's filters are checked against: every runtime measured in any dataset. */
export interface SynthesisFacets {
  runtimes: readonly string[];
}

/**
 * The synthesis filters with unknown runtimes and categories dropped, each drop named in a notice;
 * an unreadable `indirect` fell back to its default and says so. The baseline is checked by the
 * caller, which knows whether any dataset measured it.
 */
export function resolveSynthesisFilters(
  filters: SynthesisFilters,
  facets: SynthesisFacets,
  raw: RawParams,
): { filters: SynthesisFilters; notices: Notice[] } {
  const notices: Notice[] = [];
  const runtime = keepKnown("runtime", filters.runtime, facets.runtimes, notices);
  const category = keepKnown("category", filters.category, CATEGORIES, notices);
  const indirect = firstRawValue(raw, "indirect");
  if (indirect !== undefined && !INDIRECT.map(String).includes(indirect))
    notices.push({
      param: "indirect",
      message: `"indirect" must be 0 or 1, got "${indirect}"; indirect evidence is included.`,
    });
  return { filters: { ...filters, runtime, category }, notices };
}

/** The note for a baseline that no dataset measured. */
export function baselineNotMeasured(baseline: string): Notice {
  return {
    param: "baseline",
    message: `No dataset measured the baseline ${runtimeLabel(baseline)} ("${baseline}"): nothing to compare against.`,
  };
}
