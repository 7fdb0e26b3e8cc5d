import { CATEGORIES } from "../categories";
import type { Notice } from "../explore/selection";
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
  raw: Record<string, string | string[] | undefined>,
): { filters: SynthesisFilters; notices: Notice[] } {
  const notices: Notice[] = [];
  const known = <T extends string>(param: "runtime" | "category", asked: readonly string[], valid: readonly T[]) => {
    const unknown = asked.filter((a) => !(valid as readonly string[]).includes(a));
    if (unknown.length > 0)
      notices.push({
        param,
        message: `Unknown ${param === "runtime" ? "runtimes" : "categories"} left out: ${unknown.map((u) => `"${u}"`).join(", ")}.`,
      });
    return asked.filter((a) => (valid as readonly string[]).includes(a));
  };
  const runtime = known("runtime", filters.runtime, facets.runtimes);
  const category = known("category", filters.category, CATEGORIES);
  const indirect = Array.isArray(raw.indirect) ? raw.indirect[0] : raw.indirect;
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
