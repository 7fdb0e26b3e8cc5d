import { unmetRequirements, type UnmetRequirement } from "../catalog/capabilities";
import type { CapabilityId } from "../catalog/capability-ids";
import { RUNTIME_FACTS } from "../catalog/runtime-facts";
import type { IsolationStrength } from "../catalog/isolation";
import type { Claim } from "../catalog/types";
import type { Weights } from "../catalog/weights";
import { CATEGORIES, type Category } from "../categories";
import { runtimeLabel } from "../format";
import type { Overhead } from "../overhead/ratio";
import { runtimeColor } from "../palette";
import { isRuntimeId } from "../runtime-ids";

/** What the catalog says about a runtime that a ranking shows beside its number. */
export interface CatalogTraits {
  /** Null for runtimes the catalog does not know. */
  isolation: IsolationStrength | null;
  belowMinIsolation: boolean;
  /** The case's required capabilities this runtime lacks, each with the catalog's reason. */
  unmet: UnmetRequirement[];
  pros: readonly Claim[];
  cons: readonly Claim[];
}

/** One ranked runtime, whichever evidence (one dataset, or the synthesis) the number rests on. */
export interface RankedEntry extends CatalogTraits {
  key: string;
  runtime: string;
  variant: string | null;
  label: string;
  /** The reference itself: 0 % by definition, ranked among the others for its isolation. */
  isBaseline: boolean;
  /** Weighted geometric mean of the category overheads. */
  overhead: Overhead;
  measured: Category[];
  missing: Category[];
}

/**
 * A runtime's isolation level, the required capabilities it lacks, pros and cons; unknown runtimes
 * are below any minimum and lack every requirement.
 */
export function catalogTraits(
  runtime: string,
  minIsolation?: IsolationStrength,
  requires: readonly CapabilityId[] = [],
): CatalogTraits {
  const facts = isRuntimeId(runtime) ? RUNTIME_FACTS[runtime] : undefined;
  const isolation = facts ? facts.isolationStrength : null;
  return {
    isolation,
    belowMinIsolation: minIsolation !== undefined && (isolation === null || isolation < minIsolation),
    unmet: unmetRequirements(runtime, requires),
    pros: facts?.pros ?? [],
    cons: facts?.cons ?? [],
  };
}

/** The categories a case weighs, in the usual order. */
export function weightedCategories(weights: Weights): Category[] {
  return CATEGORIES.filter((c) => (weights[c] ?? 0) > 0);
}

/** Weighted categories split by whether the runtime has data in them. */
export function coverage(weighted: readonly Category[], has: (c: Category) => boolean) {
  const measured = weighted.filter(has);
  return { measured, missing: weighted.filter((c) => !measured.includes(c)) };
}

const ZERO: Overhead = { overhead: 0, ciLow: null, ciHigh: null, estimate: { logRatio: 0, variance: null, df: null } };

/** The baseline's own entry: 0 % by definition, measured wherever any other runtime was. */
export function baselineEntry(
  baseline: string,
  weighted: readonly Category[],
  anyMeasured: (c: Category) => boolean,
  minIsolation?: IsolationStrength,
  requires: readonly CapabilityId[] = [],
): RankedEntry {
  return {
    key: `baseline|${baseline}`,
    runtime: baseline,
    variant: null,
    label: runtimeLabel(baseline),
    isBaseline: true,
    overhead: ZERO,
    ...coverage(weighted, anyMeasured),
    ...catalogTraits(baseline, minIsolation, requires),
  };
}

/** Whether the ranking sets a runtime apart: below the case's minimum isolation, or lacking a requirement. */
export function isSetApart(r: CatalogTraits): boolean {
  return r.belowMinIsolation || r.unmet.length > 0;
}

/** Lowest weighted overhead first; the baseline before a runtime that ties with it. */
export function byWeightedOverhead(a: RankedEntry, b: RankedEntry): number {
  return a.overhead.estimate.logRatio - b.overhead.estimate.logRatio || Number(b.isBaseline) - Number(a.isBaseline);
}

/**
 * Points of the trade-off chart: isolation level on x (runtimes of one level spread a little
 * apart so their labels stay readable), log2 of the weighted cost ratio on y. `numbered` marks each
 * point with its rank instead of its name: names of a crowded level overlap past reading.
 */
export function toTradeoffPoints(ranked: readonly RankedEntry[], { numbered = false } = {}) {
  const withLevel = ranked.filter((r): r is RankedEntry & { isolation: IsolationStrength } => r.isolation !== null);
  return withLevel.map((r) => {
    const peers = withLevel.filter((p) => p.isolation === r.isolation);
    const offset = (peers.indexOf(r) - (peers.length - 1) / 2) * (0.6 / Math.max(peers.length, 1));
    return {
      key: r.key,
      label: r.label,
      mark: numbered ? String(ranked.indexOf(r) + 1) : r.label,
      color: runtimeColor(r.runtime),
      isolation: r.isolation + offset,
      log2Ratio: Math.log2(1 + r.overhead.overhead),
      overheadPct: r.overhead.overhead * 100,
    };
  });
}
