import { RUNTIME_FACTS } from "../catalog/runtime-facts";
import type { IsolationStrength } from "../catalog/isolation";
import type { Claim } from "../catalog/types";
import type { Weights } from "../catalog/weights";
import { CATEGORIES, type Category } from "../categories";
import { formatPct, runtimeLabel, runtimeSeriesKey } from "../format";
import { summarizeOverheads, type Overhead } from "../overhead/ratio";
import type { OverheadRow } from "../overhead/rows";
import { runtimeColor } from "../palette";
import { isRuntimeId } from "../runtime-ids";

export interface Explanation {
  text: string;
  row: OverheadRow;
}

export interface RankedRuntime {
  key: string;
  runtime: string;
  version: string | null;
  variant: string | null;
  label: string;
  /** The reference itself: 0 % by definition, ranked among the others for its isolation. */
  isBaseline: boolean;
  /** Null for runtimes the catalog does not know. */
  isolation: IsolationStrength | null;
  overhead: Overhead;
  measured: Category[];
  missing: Category[];
  belowMinIsolation: boolean;
  explanations: Explanation[];
  pros: readonly Claim[];
  cons: readonly Claim[];
}

/**
 * How a row changes the measured value, in words and numbers a practitioner reads directly:
 * throughput −89 % (not "+800 % overhead"), time +35 %.
 */
export function valueChangePct(row: Pick<OverheadRow, "overheadPct" | "direction">): number {
  return row.direction === "lower" ? row.overheadPct : (1 / (1 + row.overheadPct / 100) - 1) * 100;
}

/** "gVisor (ptrace): nginx requests_per_s −89 % against runc, n = 3" */
export function explainRow(row: OverheadRow, baseline: string): string {
  const n = row.n === row.baselineN ? `n = ${row.n}` : `n = ${row.n} vs ${row.baselineN}`;
  return `${runtimeLabel(row.runtime, row.version, row.variant)}: ${row.workload} ${row.metric} ${formatPct(valueChangePct(row))} against ${runtimeLabel(baseline)}, ${n}`;
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
): RankedRuntime[] {
  const bySeries = new Map<string, OverheadRow[]>();
  for (const r of rows) {
    const key = runtimeSeriesKey(r.runtime, r.version, r.variant);
    bySeries.set(key, [...(bySeries.get(key) ?? []), r]);
  }
  const weighted = CATEGORIES.filter((c) => (weights[c] ?? 0) > 0);
  const ranked: RankedRuntime[] = [];
  for (const [key, seriesRows] of bySeries) {
    const measured = weighted.filter((c) => seriesRows.some((r) => r.category === c));
    if (measured.length === 0) continue;
    const perCategory = measured.map((c) =>
      summarizeOverheads(seriesRows.filter((r) => r.category === c).map((r) => r.overhead)),
    );
    const overhead = summarizeOverheads(
      perCategory,
      measured.map((c) => weights[c]!),
    );
    const first = seriesRows[0]!;
    const facts = isRuntimeId(first.runtime) ? RUNTIME_FACTS[first.runtime] : undefined;
    const isolation = facts ? facts.isolationStrength : null;
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
      isolation,
      overhead,
      measured,
      missing: weighted.filter((c) => !measured.includes(c)),
      belowMinIsolation: minIsolation !== undefined && (isolation === null || isolation < minIsolation),
      explanations: [...relevant]
        .sort((a, b) => contribution(b) - contribution(a))
        .slice(0, 3)
        .map((row) => ({ text: explainRow(row, baseline), row })),
      pros: facts?.pros ?? [],
      cons: facts?.cons ?? [],
    });
  }
  if (ranked.length > 0)
    ranked.push(
      baselineEntry(
        baseline,
        weighted.filter((c) => rows.some((r) => r.category === c)),
        weighted,
        minIsolation,
      ),
    );
  return ranked.sort(
    (a, b) =>
      a.overhead.estimate.logRatio - b.overhead.estimate.logRatio || Number(b.isBaseline) - Number(a.isBaseline),
  );
}

function baselineEntry(
  baseline: string,
  measured: Category[],
  weighted: Category[],
  minIsolation?: IsolationStrength,
): RankedRuntime {
  const facts = isRuntimeId(baseline) ? RUNTIME_FACTS[baseline] : undefined;
  const isolation = facts ? facts.isolationStrength : null;
  return {
    key: `baseline|${baseline}`,
    runtime: baseline,
    version: null,
    variant: null,
    label: runtimeLabel(baseline),
    isBaseline: true,
    isolation,
    overhead: { overhead: 0, ciLow: null, ciHigh: null, estimate: { logRatio: 0, variance: null, df: null } },
    measured,
    missing: weighted.filter((c) => !measured.includes(c)),
    belowMinIsolation: minIsolation !== undefined && (isolation === null || isolation < minIsolation),
    explanations: [],
    pros: facts?.pros ?? [],
    cons: facts?.cons ?? [],
  };
}

/**
 * Points of the trade-off chart: isolation level on x (runtimes of one level spread a little
 * apart so their labels stay readable), log2 of the weighted cost ratio on y.
 */
export function toTradeoffPoints(ranked: readonly RankedRuntime[]) {
  const withLevel = ranked.filter((r): r is RankedRuntime & { isolation: IsolationStrength } => r.isolation !== null);
  return withLevel.map((r) => {
    const peers = withLevel.filter((p) => p.isolation === r.isolation);
    const offset = (peers.indexOf(r) - (peers.length - 1) / 2) * (0.6 / Math.max(peers.length, 1));
    return {
      key: r.key,
      label: r.label,
      color: runtimeColor(r.runtime),
      isolation: r.isolation + offset,
      log2Ratio: Math.log2(1 + r.overhead.overhead),
      overheadPct: r.overhead.overhead * 100,
    };
  });
}
