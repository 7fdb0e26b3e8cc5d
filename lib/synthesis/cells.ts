import { CATEGORIES } from "../categories";
import { runtimeSeriesKey } from "../format";
import type { SynthesisRow } from "./synthesize";

/** What a synthesis cell shows of its row. */
export interface SynthesisCell {
  /** The pooled overhead; where nothing could be pooled, the geometric mean of the studies' ratios. */
  overheadPct: number;
  ciLowPct: number | null;
  ciHighPct: number | null;
  /** False when no study had a variance: the value is a point estimate of n = 1 studies, unpooled. */
  pooled: boolean;
  k: number;
  studies: number;
  indirect: boolean;
  row: SynthesisRow;
}

/**
 * A row's value for display. Rows whose studies all lack a variance still say what was measured,
 * as an unweighted geometric mean of the studies' ratios with no interval, flagged as unpooled.
 */
export function synthesisCell(row: SynthesisRow): SynthesisCell {
  const base = { k: row.k, studies: row.studies.length, indirect: row.indirect, row };
  if (row.pooledPct !== null)
    return { ...base, overheadPct: row.pooledPct, ciLowPct: row.ciLowPct, ciHighPct: row.ciHighPct, pooled: true };
  const logs = row.studies.map((s) => s.logRatio);
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  return { ...base, overheadPct: (Math.exp(mean) - 1) * 100, ciLowPct: null, ciHighPct: null, pooled: false };
}

export interface SynthesisHeatRow {
  key: string;
  runtime: string;
  variant: string | null;
  cells: Partial<Record<string, SynthesisCell>>;
}

/** Runtime (and variant) × category, the categories in their usual order. */
export function toSynthesisHeatmap(rows: readonly SynthesisRow[]): { categories: string[]; rows: SynthesisHeatRow[] } {
  const present = new Set(rows.map((r) => r.category));
  const categories = [
    ...CATEGORIES.filter((c) => present.has(c)),
    ...[...present].filter((c) => !CATEGORIES.includes(c as never)).sort(),
  ];
  const byKey = new Map<string, SynthesisHeatRow>();
  for (const r of rows) {
    const key = runtimeSeriesKey(r.runtime, null, r.variant);
    const heat = byKey.get(key) ?? byKey.set(key, { key, runtime: r.runtime, variant: r.variant, cells: {} }).get(key)!;
    heat.cells[r.category] = synthesisCell(r);
  }
  return { categories, rows: [...byKey.values()] };
}
