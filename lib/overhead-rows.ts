import type { Direction } from "@/lib/units";
import { computeOverhead, type Overhead } from "./overhead";
import { primaryMetric } from "./primary-metric";
import { summarize, type Summary } from "./stats";

/** What a series is: a runtime (id, version, variant) on one workload and metric. */
export interface SeriesIdentity {
  runtime: string;
  version: string | null;
  variant: string | null;
  workload: string;
  category: string;
  metric: string;
  unit: string;
  direction: Direction;
}

export interface Measurement extends SeriesIdentity {
  runId: number;
  sourceFileId: number;
  repetition: number;
  value: number;
}

/** One runtime series on one workload and metric, with its statistics and samples. */
export interface SeriesStats extends Summary, SeriesIdentity {
  values: { value: number; repetition: number; runId: number; sourceFileId: number }[];
}

export interface OverheadRow extends Omit<SeriesStats, "values" | "ciLow" | "ciHigh"> {
  /** Raw files behind the runtime side of the row, for provenance links. */
  sourceFileIds: number[];
  baselineN: number;
  baselineMean: number;
  overheadPct: number;
  ciLowPct: number | null;
  ciHighPct: number | null;
  overhead: Overhead;
}

const seriesKey = (m: Pick<Measurement, "runtime" | "version" | "variant" | "workload" | "metric">) =>
  JSON.stringify([m.runtime, m.version, m.variant, m.workload, m.metric]);

/**
 * Keeps one metric per workload (the selected one, else the workload's headline metric),
 * so summaries count each workload once.
 */
export function keepPrimaryMetrics(rows: readonly Measurement[], selectedMetric: string | null): Measurement[] {
  if (selectedMetric !== null) return rows.filter((r) => r.metric === selectedMetric);
  const byWorkload = new Map<string, Set<string>>();
  for (const r of rows) (byWorkload.get(r.workload) ?? byWorkload.set(r.workload, new Set()).get(r.workload)!).add(r.metric);
  const primary = new Map([...byWorkload].map(([w, ms]) => [w, primaryMetric([...ms])]));
  return rows.filter((r) => primary.get(r.workload) === r.metric);
}

/** Groups measurements into series with their n, mean, sd and interval. */
export function toSeries(rows: readonly Measurement[]): SeriesStats[] {
  const groups = new Map<string, Measurement[]>();
  for (const r of rows) (groups.get(seriesKey(r)) ?? groups.set(seriesKey(r), []).get(seriesKey(r))!).push(r);
  return [...groups.values()].map((g) => {
    const first = g[0]!;
    return {
      runtime: first.runtime,
      version: first.version,
      variant: first.variant,
      workload: first.workload,
      category: first.category,
      metric: first.metric,
      unit: first.unit,
      direction: first.direction,
      ...summarize(g.map((m) => m.value)),
      values: g.map((m) => ({ value: m.value, repetition: m.repetition, runId: m.runId, sourceFileId: m.sourceFileId })),
    };
  });
}

export interface OverheadTable {
  rows: OverheadRow[];
  /** Series with no ratio: the baseline never ran their workload, or a value is zero. */
  skipped: { series: SeriesStats; reason: "no baseline" | "zero or negative values" }[];
}

/**
 * The baseline's reference series for a workload and metric: its plain configuration (no
 * variant) when measured, then the newest version. One series, never a pool: QEMU and QEMU
 * with qboot, or Kata 2 and Kata 3, are different systems.
 */
function pickBaseline(candidates: SeriesStats[]): SeriesStats {
  return [...candidates].sort(
    (a, b) =>
      Number(a.variant !== null) - Number(b.variant !== null) ||
      (b.version ?? "").localeCompare(a.version ?? "", undefined, { numeric: true }) ||
      (a.variant ?? "").localeCompare(b.variant ?? ""),
  )[0]!;
}

/**
 * Overhead of every series against the baseline's reference series of the same workload and
 * metric (other versions and variants of the baseline runtime get rows of their own), largest first.
 */
export function toOverheadRows(series: readonly SeriesStats[], baseline: string): OverheadTable {
  const candidates = new Map<string, SeriesStats[]>();
  for (const s of series) if (s.runtime === baseline) candidates.set(JSON.stringify([s.workload, s.metric]), [...(candidates.get(JSON.stringify([s.workload, s.metric])) ?? []), s]);
  const base = new Map([...candidates].map(([k, c]) => [k, pickBaseline(c)]));
  const rows: OverheadRow[] = [];
  const skipped: OverheadTable["skipped"] = [];
  for (const s of series) {
    const ref = base.get(JSON.stringify([s.workload, s.metric]));
    if (ref === s) continue;
    const baseValues = ref?.values.map((v) => v.value);
    if (!baseValues) {
      skipped.push({ series: s, reason: "no baseline" });
      continue;
    }
    // A cost ratio needs positive values on both sides (0 % packet loss has none).
    if ([...baseValues, ...s.values.map((v) => v.value)].some((v) => !(v > 0))) {
      skipped.push({ series: s, reason: "zero or negative values" });
      continue;
    }
    const overhead = computeOverhead(s.values.map((v) => v.value), baseValues, s.direction);
    const { values: _values, ciLow: _l, ciHigh: _h, ...rest } = s;
    rows.push({
      ...rest,
      sourceFileIds: [...new Set(s.values.map((v) => v.sourceFileId))],
      baselineN: baseValues.length,
      baselineMean: baseValues.reduce((a, b) => a + b, 0) / baseValues.length,
      overheadPct: overhead.overhead * 100,
      ciLowPct: overhead.ciLow === null ? null : overhead.ciLow * 100,
      ciHighPct: overhead.ciHigh === null ? null : overhead.ciHigh * 100,
      overhead,
    });
  }
  return { rows: rows.sort((a, b) => b.overheadPct - a.overheadPct), skipped };
}
