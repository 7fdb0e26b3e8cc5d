import type { Direction } from "@/lib/units";
import type { Moments, SeriesMoments } from "./moments";
import { overheadOfLogMoments, percentsOf, type Overhead } from "./ratio";
import { primaryMetric } from "./headline-metric";
import { summarizeSeries, type Summary } from "./log-ratio";

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

/** One runtime series on one workload and metric, with its statistics. */
export interface SeriesStats extends Summary, SeriesIdentity {
  seriesId: number;
  /** Moments of ln(value) over positive values; `log.n < n` means a value was zero or negative. */
  log: Moments;
}

export interface OverheadRow extends Omit<SeriesStats, "log" | "geoMean" | "ciLow" | "ciHigh"> {
  baselineN: number;
  baselineMean: number;
  overheadPct: number;
  ciLowPct: number | null;
  ciHighPct: number | null;
  overhead: Overhead;
}

/** A row with the raw files behind its runtime side, for provenance links (pages only). */
export interface SourcedOverheadRow extends OverheadRow {
  sourceFileIds: number[];
}

/** A series with its samples, for views that plot every repetition (absolute view, /api/samples). */
export interface SeriesSamples extends SeriesStats {
  values: { value: number; repetition: number; runId: number; sourceFileId: number }[];
}

/** A stored series' statistics: summary of its values, moments of their logs. */
export function toSeriesStats(s: SeriesIdentity & { id: number; moments: SeriesMoments }): SeriesStats {
  return { seriesId: s.id, ...identityOf(s), ...summarizeSeries(s.moments), log: s.moments.log };
}

/**
 * A series' identity fields, copied one by one: `{ ...rest }` of a destructured row (`const
 * { log, ...rest } = s`) is many times slower (docs/performance.md).
 */
function identityOf(s: SeriesIdentity): SeriesIdentity {
  return {
    runtime: s.runtime,
    version: s.version,
    variant: s.variant,
    workload: s.workload,
    category: s.category,
    metric: s.metric,
    unit: s.unit,
    direction: s.direction,
  };
}

/**
 * Keeps one metric per workload (the selected one, else the workload's headline metric),
 * so summaries count each workload once.
 */
export function keepPrimaryMetrics<T extends { workload: string; metric: string }>(
  rows: readonly T[],
  selectedMetric: string | null,
): T[] {
  if (selectedMetric !== null) return rows.filter((r) => r.metric === selectedMetric);
  const byWorkload = new Map<string, Set<string>>();
  for (const r of rows)
    (byWorkload.get(r.workload) ?? byWorkload.set(r.workload, new Set()).get(r.workload)!).add(r.metric);
  const primary = new Map([...byWorkload].map(([w, ms]) => [w, primaryMetric([...ms])]));
  return rows.filter((r) => primary.get(r.workload) === r.metric);
}

export interface OverheadTable<Row extends OverheadRow = OverheadRow> {
  rows: Row[];
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
 * The baseline's reference series of each workload and metric, by workload then metric: two
 * lookups by the names themselves, where a joined key cost a string built and hashed twice per
 * series (docs/performance.md).
 */
function referenceSeries(series: readonly SeriesStats[], baseline: string): Map<string, Map<string, SeriesStats>> {
  const candidates = new Map<string, Map<string, SeriesStats[]>>();
  for (const s of series) {
    if (s.runtime !== baseline) continue;
    const byMetric = candidates.get(s.workload) ?? candidates.set(s.workload, new Map()).get(s.workload)!;
    (byMetric.get(s.metric) ?? byMetric.set(s.metric, []).get(s.metric)!).push(s);
  }
  return new Map(
    [...candidates].map(([workload, byMetric]) => [
      workload,
      new Map([...byMetric].map(([metric, c]) => [metric, pickBaseline(c)])),
    ]),
  );
}

/** A series' overhead row against its baseline reference (both with positive values only). */
export function overheadRow(s: SeriesStats, ref: SeriesStats): OverheadRow {
  const overhead = overheadOfLogMoments(s.log, ref.log, s.direction);
  return {
    seriesId: s.seriesId,
    ...identityOf(s),
    n: s.n,
    mean: s.mean,
    sd: s.sd,
    baselineN: ref.n,
    baselineMean: ref.mean,
    ...percentsOf(overhead),
    overhead,
  };
}

/**
 * Overhead of every series against the baseline's reference series of the same workload and
 * metric (other versions and variants of the baseline runtime get rows of their own), largest
 * first. `rowOf` lets a caller that keeps series objects reuse rows (db/queries/explore.ts).
 */
export function toOverheadRows(
  series: readonly SeriesStats[],
  baseline: string,
  rowOf: (s: SeriesStats, ref: SeriesStats) => OverheadRow = overheadRow,
): OverheadTable {
  const references = referenceSeries(series, baseline);
  const rows: OverheadRow[] = [];
  const skipped: OverheadTable["skipped"] = [];
  for (const s of series) {
    const ref = references.get(s.workload)?.get(s.metric);
    if (ref === s) continue;
    if (!ref) {
      skipped.push({ series: s, reason: "no baseline" });
      continue;
    }
    // A cost ratio needs positive values on both sides (0 % packet loss has none).
    if (ref.log.n < ref.n || s.log.n < s.n) {
      skipped.push({ series: s, reason: "zero or negative values" });
      continue;
    }
    rows.push(rowOf(s, ref));
  }
  return { rows: rows.sort((a, b) => b.overheadPct - a.overheadPct), skipped };
}
