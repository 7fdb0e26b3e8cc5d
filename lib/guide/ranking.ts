import type { CapabilityId } from "../catalog/capability-ids";
import type { IsolationStrength } from "../catalog/isolation";
import type { Weights } from "../catalog/weights";
import type { Category } from "../categories";
import { formatChange, runtimeLabel, runtimeSeriesKey } from "../format";
import { summarizeOverheads } from "../overhead/ratio";
import type { OverheadRow } from "../overhead/rows";
import {
  baselineEntry,
  byWeightedOverhead,
  catalogTraits,
  coverage,
  weightedCategories,
  type RankedEntry,
} from "./ranked";

export interface Explanation {
  text: string;
  row: OverheadRow;
}

/** A runtime series of one dataset and host, ranked. */
export interface RankedRuntime extends RankedEntry {
  version: string | null;
  explanations: Explanation[];
}

/** "gVisor (ptrace): nginx requests_per_s −89.5 % (overhead +849 %) against runc, n = 3" */
export function explainRow(row: OverheadRow, baseline: string): string {
  const n = row.n === row.baselineN ? `n = ${row.n}` : `n = ${row.n} vs ${row.baselineN}`;
  return `${runtimeLabel(row.runtime, row.version, row.variant)}: ${row.workload} ${formatChange(row)} against ${runtimeLabel(baseline)}, ${n}`;
}

/**
 * Ranks runtime series for a use case by the weighted geometric mean of their category
 * overheads (each category itself a geometric mean over its workloads). Categories without data
 * drop out of the weights and are listed as missing. Lowest overhead first.
 */
export function rankRuntimes(
  rows: readonly OverheadRow[],
  weights: Weights,
  baseline: string,
  minIsolation?: IsolationStrength,
  requires: readonly CapabilityId[] = [],
): RankedRuntime[] {
  const bySeries = new Map<string, OverheadRow[]>();
  for (const r of rows) {
    const key = runtimeSeriesKey(r.runtime, r.version, r.variant);
    bySeries.set(key, [...(bySeries.get(key) ?? []), r]);
  }
  const weighted = weightedCategories(weights);
  const ranked: RankedRuntime[] = [];
  for (const [key, seriesRows] of bySeries) {
    const { measured, missing } = coverage(weighted, (c) => seriesRows.some((r) => r.category === c));
    if (measured.length === 0) continue;
    const perCategory = measured.map((c) =>
      summarizeOverheads(seriesRows.filter((r) => r.category === c).map((r) => r.overhead)),
    );
    const overhead = summarizeOverheads(
      perCategory,
      measured.map((c) => weights[c]!),
    );
    const first = seriesRows[0]!;
    const relevant = seriesRows.filter((r) => measured.includes(r.category as Category));
    // The rows that move the weighted mean most: |log ratio| times the category's weight share.
    const contribution = (r: OverheadRow) =>
      (Math.abs(r.overhead.estimate.logRatio) * weights[r.category as Category]!) /
      relevant.filter((x) => x.category === r.category).length;
    ranked.push({
      key,
      runtime: first.runtime,
      version: first.version,
      variant: first.variant,
      label: runtimeLabel(first.runtime, first.version, first.variant),
      isBaseline: false,
      overhead,
      measured,
      missing,
      explanations: [...relevant]
        .sort((a, b) => contribution(b) - contribution(a))
        .slice(0, 3)
        .map((row) => ({ text: explainRow(row, baseline), row })),
      ...catalogTraits(first.runtime, minIsolation, requires),
    });
  }
  if (ranked.length > 0) {
    const anyMeasured = (c: Category) => rows.some((r) => r.category === c);
    ranked.push({
      ...baselineEntry(baseline, weighted, anyMeasured, minIsolation, requires),
      version: null,
      explanations: [],
    });
  }
  return ranked.sort(byWeightedOverhead);
}
