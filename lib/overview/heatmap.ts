import { categoryEffect, groupByConfigurationAndCategory } from "../overhead/category-effect";
import { percentsOf } from "../overhead/ratio";
import type { OverheadRow } from "../overhead/rows";

export interface HeatCell {
  overheadPct: number;
  ciLowPct: number | null;
  ciHighPct: number | null;
  /** Workloads summarised (each at its headline metric). */
  workloads: number;
  /** Smallest n of any part, runtime or baseline side: n = 1 anywhere means no interval. */
  minN: number;
  rows: OverheadRow[];
}

export interface HeatmapRow {
  key: string;
  runtime: string;
  version: string | null;
  variant: string | null;
  cells: Partial<Record<string, HeatCell>>;
}

/**
 * Runtime × category: the geometric mean of each category's workload ratios (headline
 * metrics only, so each workload counts once), with the propagated interval.
 */
export function toHeatmap(rows: readonly OverheadRow[]): { categories: string[]; rows: HeatmapRow[] } {
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  const heatRows = groupByConfigurationAndCategory(rows).map(({ key, runtime, version, variant, byCategory }) => {
    const row: HeatmapRow = { key, runtime, version, variant, cells: {} };
    for (const [category, parts] of byCategory) {
      const effect = categoryEffect(parts);
      row.cells[category] = {
        ...percentsOf(effect.overhead),
        workloads: parts.length,
        minN: effect.minN,
        rows: parts,
      };
    }
    return row;
  });
  return { categories, rows: heatRows.sort((a, b) => a.key.localeCompare(b.key)) };
}

/**
 * Background colour on a diverging scale around zero overhead: blue when faster than the
 * baseline, orange when slower (colour-blind safe), saturating at ±3 doublings.
 */
export function heatColor(overheadPct: number): string {
  const t = Math.max(-1, Math.min(1, Math.log2(1 + overheadPct / 100) / 3));
  const [r, g, b] = t >= 0 ? mix([247, 247, 247], [230, 97, 1], t) : mix([247, 247, 247], [33, 102, 172], -t);
  return `rgb(${r}, ${g}, ${b})`;
}

function mix(from: number[], to: number[], t: number): number[] {
  return from.map((f, i) => Math.round(f + (to[i]! - f) * t));
}

/** Dark text on light cells, light on dark ones. */
export function heatTextColor(overheadPct: number): string {
  return Math.abs(Math.log2(1 + overheadPct / 100)) > 1.8 ? "#fff" : "#111";
}
