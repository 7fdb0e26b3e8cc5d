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

/**
 * Black or white text, whichever contrasts more with the cell's colour (WCAG relative luminance):
 * the better of the two is at least √21 ≈ 4.58:1 on any background, so every cell's text passes
 * AA; a fixed threshold on the overhead left white on mid-orange at 2.4:1.
 */
export function heatTextColor(overheadPct: number): string {
  const bg = luminance(heatColor(overheadPct));
  return 1.05 / (bg + 0.05) >= (bg + 0.05) / 0.05 ? "#fff" : "#000";
}

/** WCAG 2 contrast ratio of two `rgb(r, g, b)` / `#rgb` colours this module draws with. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** WCAG 2 relative luminance of `rgb(r, g, b)`, `#fff` or `#000`. */
function luminance(colour: string): number {
  const rgb = colour.startsWith("#")
    ? [...colour.slice(1)].map((h) => parseInt(h + h, 16))
    : colour.match(/\d+/g)!.map(Number);
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
