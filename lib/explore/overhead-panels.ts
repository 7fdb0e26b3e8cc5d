import { CATEGORIES } from "../categories";
import { formatChange, formatPct, runtimeLabel, runtimeSeriesKey } from "../format";
import { runtimeColor } from "../palette";
import { niceLogAxis, type LogAxis } from "./log-axis";
import type { OverheadViewRow } from "./rows";

/*
 * The overhead view as small multiples: one panel per workload and metric, its runtimes side by
 * side, panels grouped by category. Bars are drawn on a log2 axis of the cost ratio, so that ×2
 * slower and ×2 faster are the same length and a +1,700 % outlier does not flatten the rest.
 */

/** One runtime series on a panel; positions are log2 cost ratios. */
export interface PanelMark {
  key: string;
  /** The runtime series (runtimeSeriesKey): the same in every panel it appears in. */
  series: string;
  runtime: string;
  /** Runtime name and variant; the version is in `title` (tooltip) and the table. */
  label: string;
  title: string;
  color: string;
  workload: string;
  metric: string;
  overheadPct: number;
  log2Ratio: number;
  /** Interval ends in log2 units, or null when there is none (n = 1 on a side). */
  low: number | null;
  high: number | null;
  n: number;
  baselineN: number;
}

export interface WorkloadPanel {
  key: string;
  workload: string;
  metric: string;
  direction: string;
  marks: PanelMark[];
}

/** A category's panels share one axis, so its workloads compare at a glance. */
export interface CategoryGroup {
  category: string;
  panels: WorkloadPanel[];
  axis: LogAxis;
}

const log2Ratio = (pct: number) => Math.log2(1 + pct / 100);

/** The key of a row's bar: its runtime series, workload and metric (unique within a view). */
export const panelMarkKey = (r: Pick<OverheadViewRow, "runtime" | "version" | "variant" | "workload" | "metric">) =>
  `${runtimeSeriesKey(r.runtime, r.version, r.variant)}|${r.workload}|${r.metric}`;

function toMark(r: OverheadViewRow, label: string): PanelMark {
  const interval = r.ciLowPct === null || r.ciHighPct === null ? null : [r.ciLowPct, r.ciHighPct];
  const ci = interval ? `, its 95 % interval ${formatPct(interval[0]!)} to ${formatPct(interval[1]!)}` : "";
  return {
    key: panelMarkKey(r),
    series: runtimeSeriesKey(r.runtime, r.version, r.variant),
    runtime: r.runtime,
    label,
    title: `${runtimeLabel(r.runtime, r.version, r.variant)} · ${r.workload}: ${formatChange(r)}${ci}; n = ${r.n} vs ${r.baselineN}`,
    color: runtimeColor(r.runtime),
    workload: r.workload,
    metric: r.metric,
    overheadPct: r.overheadPct,
    log2Ratio: log2Ratio(r.overheadPct),
    low: interval ? log2Ratio(interval[0]!) : null,
    high: interval ? log2Ratio(interval[1]!) : null,
    n: r.n,
    baselineN: r.baselineN,
  };
}

/**
 * Short labels for a panel's series: the runtime name and variant, with the version only where
 * two series of one runtime and variant would otherwise read the same.
 */
function shortLabels(rows: readonly OverheadViewRow[]): string[] {
  const short = rows.map((r) => runtimeLabel(r.runtime, null, r.variant));
  return rows.map((r, i) =>
    short.filter((s) => s === short[i]).length > 1 ? runtimeLabel(r.runtime, r.version, r.variant) : short[i]!,
  );
}

const categoryRank = (c: string) => {
  const i = (CATEGORIES as readonly string[]).indexOf(c);
  return i < 0 ? CATEGORIES.length : i;
};

/**
 * Panels per category (in the categories' usual order, then workload and metric), runtimes in
 * `runtimeOrder` within each panel (then by label), and each category's shared axis.
 */
export function toCategoryGroups(
  rows: readonly OverheadViewRow[],
  runtimeOrder: readonly string[],
  maxTicks = 5,
): CategoryGroup[] {
  const byPanel = new Map<string, OverheadViewRow[]>();
  for (const r of rows) {
    const key = `${r.category}\u0000${r.workload}\u0000${r.metric}`;
    byPanel.set(key, [...(byPanel.get(key) ?? []), r]);
  }
  const rank = (id: string) => {
    const i = runtimeOrder.indexOf(id);
    return i < 0 ? runtimeOrder.length : i;
  };
  const groups = new Map<string, WorkloadPanel[]>();
  for (const [key, panelRows] of byPanel) {
    const sorted = [...panelRows].sort(
      (a, b) =>
        rank(a.runtime) - rank(b.runtime) ||
        runtimeLabel(a.runtime, a.version, a.variant).localeCompare(runtimeLabel(b.runtime, b.version, b.variant)),
    );
    const labels = shortLabels(sorted);
    const first = sorted[0]!;
    const panels = groups.get(first.category) ?? [];
    groups.set(first.category, panels);
    panels.push({
      key: key.replaceAll("\u0000", "|"),
      workload: first.workload,
      metric: first.metric,
      direction: first.direction,
      marks: sorted.map((r, i) => toMark(r, labels[i]!)),
    });
  }
  return [...groups]
    .sort(([a], [b]) => categoryRank(a) - categoryRank(b) || a.localeCompare(b))
    .map(([category, panels]) => {
      const marks = panels.flatMap((p) => p.marks);
      const lo = Math.min(...marks.map((m) => m.low ?? m.log2Ratio));
      const hi = Math.max(...marks.map((m) => m.high ?? m.log2Ratio));
      return {
        category,
        panels: panels.sort((a, b) => a.workload.localeCompare(b.workload) || a.metric.localeCompare(b.metric)),
        axis: niceLogAxis(lo, hi, maxTicks),
      };
    });
}

/** Which categories open at first: the first always, then each while the panels shown stay within `max`. */
export function openGroups(groups: readonly { panels: readonly unknown[] }[], max: number): boolean[] {
  let shown = 0;
  return groups.map((g, i) => {
    const open = i === 0 || shown + g.panels.length <= max;
    if (open) shown += g.panels.length;
    return open;
  });
}

/** The runtimes of the view in legend order: the baseline first, then as `order` lists them. */
export function legendRuntimes(
  rows: readonly { runtime: string }[],
  order: readonly string[],
): { runtime: string; label: string; color: string }[] {
  const present = new Set(rows.map((r) => r.runtime));
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return [...present]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((runtime) => ({ runtime, label: runtimeLabel(runtime), color: runtimeColor(runtime) }));
}

/** A bar as the keyboard walks it: its panel's place among all panels (row) and its runtime series' (column). */
export interface PositionedMark {
  mark: PanelMark;
  position: { row: number; col: number };
}

/**
 * Every bar in reading order, placed so that ←→ step through a panel's runtimes and ↑↓ go to the
 * same runtime series in the panel above or below (the column is the series' place across the view).
 */
export function positionedMarks(groups: readonly CategoryGroup[]): PositionedMark[] {
  const seriesCol = new Map<string, number>();
  const colOf = (m: PanelMark) => {
    if (!seriesCol.has(m.series)) seriesCol.set(m.series, seriesCol.size);
    return seriesCol.get(m.series)!;
  };
  return groups
    .flatMap((g) => g.panels)
    .flatMap((p, row) => p.marks.map((mark) => ({ mark, position: { row, col: colOf(mark) } })));
}

/** Where a bar is drawn: its category's index and its panel's index within the category, or null. */
export function locateMark(groups: readonly CategoryGroup[], key: string): { group: number; panel: number } | null {
  for (const [group, g] of groups.entries()) {
    const panel = g.panels.findIndex((p) => p.marks.some((m) => m.key === key));
    if (panel >= 0) return { group, panel };
  }
  return null;
}
