import { formatChange, formatInterval, formatOverhead, formatPct, formatValue } from "../format";
import type { Direction } from "../units";

/**
 * A chart's text alternative states what it shows at a glance, with the numbers a reader would
 * take from it: the largest and smallest overhead, the best and worst geometric mean. Built from the same
 * data the chart draws, so the words cannot drift from the marks.
 */

/** One overhead a chart or heatmap draws: who, on what, how much, and how sure. */
export interface OverheadFact {
  /** "gVisor (ptrace)". */
  subject: string;
  /** The workload or category: "network". */
  on: string;
  pct: number;
  lowPct: number | null;
  highPct: number | null;
  /** How much evidence: "n = 5 against 5", "k = 3 studies". */
  evidence: string;
  /**
   * The one measured value behind it, if there is one (explore's bars): then it is said as that
   * value's change and its overhead (decision 010); a mean over workloads is said as an overhead.
   */
  change?: { metric: string; direction: Direction };
  /** Whether a missing interval is for want of repetitions (n = 1). */
  n?: number;
  baselineN?: number;
}

const interval = (f: OverheadFact) =>
  f.lowPct === null || f.highPct === null
    ? formatInterval(null, null, f.n ?? 2, f.baselineN ?? 2)
    : `its 95 % interval ${formatInterval(f.lowPct, f.highPct, 2, 2)}`;

/** "received_throughput −83.1 % (overhead +493 %), its 95 % interval +400 % to +600 %", or "overhead +493 %, …". */
const amount = (f: OverheadFact) =>
  `${f.change ? formatChange({ ...f.change, overheadPct: f.pct }) : formatOverhead(f.pct)}, ${interval(f)}`;

/** "gVisor (ptrace) costs most on network: overhead +493 %, its 95 % interval +400 % to +600 %, against runc; n = 5 against 5. …" */
export function overheadFinding(facts: readonly OverheadFact[], baseline: string): string {
  if (facts.length === 0) return `No overhead against ${baseline} to show.`;
  const most = facts.reduce((a, b) => (b.pct > a.pct ? b : a));
  const least = facts.reduce((a, b) => (b.pct < a.pct ? b : a));
  const first = `${most.subject} costs most on ${most.on}: ${amount(most)}, against ${baseline}; ${most.evidence}.`;
  if (facts.length === 1) return first;
  return `${first} Least: ${least.subject} on ${least.on}, ${amount(least)}; ${least.evidence}. ${facts.length} values in all.`;
}

/** One measured mean of an absolute chart. */
export interface MeanFact {
  subject: string;
  mean: number;
  n: number;
}

/** "Best geometric mean: crun, 1.22 GB/s (n = 5); worst: gVisor, 310 MB/s (n = 5); higher is better. 4 runtimes." */
export function meansFinding(means: readonly MeanFact[], unit: string, direction: "lower" | "higher"): string {
  if (means.length === 0) return "No measured values to show.";
  const sorted = [...means].sort((a, b) => (direction === "lower" ? a.mean - b.mean : b.mean - a.mean));
  const say = (m: MeanFact) => `${m.subject}, ${formatValue(m.mean, unit)} (n = ${m.n})`;
  if (sorted.length === 1) return `Geometric mean: ${say(sorted[0]!)}; ${direction} is better.`;
  return `Best geometric mean: ${say(sorted[0]!)}; worst: ${say(sorted.at(-1)!)}; ${direction} is better. ${sorted.length} runtimes.`;
}

/** One runtime of the trade-off chart. */
export interface TradeoffFact {
  subject: string;
  pct: number;
  /** Its isolation level in words, or null when the catalog does not know it. */
  isolation: string | null;
}

/** "Least weighted overhead: crun, +1.0 % (shared kernel); most: gVisor (ptrace), +420 % (user-space kernel). 7 runtimes." */
export function tradeoffFinding(points: readonly TradeoffFact[]): string {
  if (points.length === 0) return "No runtime to show.";
  const say = (p: TradeoffFact) => `${p.subject}, ${formatPct(p.pct)} (${p.isolation ?? "isolation unknown"})`;
  const least = points.reduce((a, b) => (b.pct < a.pct ? b : a));
  const most = points.reduce((a, b) => (b.pct > a.pct ? b : a));
  if (points.length === 1) return `Weighted overhead: ${say(least)}.`;
  return `Least weighted overhead: ${say(least)}; most: ${say(most)}. ${points.length} runtimes.`;
}

/** One mark's words, for the option a screen reader reads: "gVisor · iperf3: received_throughput −83.1 % (overhead +493 %), its 95 % interval …; n = 5 against 5". */
export const overheadMarkLabel = (f: OverheadFact) => `${f.subject} · ${f.on}: ${amount(f)}; ${f.evidence}`;

/** The overhead fact of a row that carries its runtime label and sample counts (explore's rows). */
export function overheadFactOf(row: {
  label: string;
  workload: string;
  metric: string;
  direction: Direction;
  overheadPct: number;
  ciLowPct: number | null;
  ciHighPct: number | null;
  n: number;
  baselineN: number;
}): OverheadFact {
  return {
    subject: row.label,
    on: row.workload,
    pct: row.overheadPct,
    change: { metric: row.metric, direction: row.direction },
    lowPct: row.ciLowPct,
    highPct: row.ciHighPct,
    evidence: `n = ${row.n} against ${row.baselineN}`,
    n: row.n,
    baselineN: row.baselineN,
  };
}

/** "Pooled, k = 3: +120 % (95 % interval +80 % to +170 %); the 4 studies range from +60 % to +210 %." */
export function forestFinding(
  pooled: { label: string; pct: number; lowPct: number | null; highPct: number | null } | null,
  studyPcts: readonly number[],
): string {
  const range =
    studyPcts.length === 0
      ? "no study"
      : studyPcts.length === 1
        ? `one study, at ${formatPct(studyPcts[0]!)}`
        : `the ${studyPcts.length} studies range from ${formatPct(Math.min(...studyPcts))} to ${formatPct(Math.max(...studyPcts))}`;
  if (!pooled) return `Nothing pooled; ${range}.`;
  const ci =
    pooled.lowPct === null || pooled.highPct === null
      ? "no interval"
      : `95 % interval ${formatInterval(pooled.lowPct, pooled.highPct, 2, 2)}`;
  return `${pooled.label}: ${formatPct(pooled.pct)} (${ci}); ${range}.`;
}
