import { formatValue, runtimeLabel, runtimeSeriesKey } from "../format";
import type { Filters } from "../search-params";
import type { AbsoluteViewSeries } from "./rows";
import { runtimeColor } from "../palette";

/**
 * Chart heights in px: the charts draw at these, and their placeholders (components/charts/lazy-charts.tsx)
 * hold the same space while Recharts loads, so the page does not shift when a chart appears.
 */
export const ABSOLUTE_CHART_HEIGHT = 300;
export const TRADEOFF_CHART_HEIGHT = 320;

/** The overhead in percent that a log2 ratio stands for (tick labels). */
export const log2ToPct = (t: number) => (2 ** t - 1) * 100;

/** The line under an exported /explore chart that says where its numbers come from. */
export function sourceLine(filters: Pick<Filters, "dataset" | "host" | "asof">): string {
  const asof = filters.asof === null ? "" : `, imports up to #${filters.asof}`;
  return `Source: hvscope, dataset ${filters.dataset ?? "(none)"}, host ${filters.host ?? "(none)"}${asof}`;
}

/** One panel of the absolute view: a workload and metric, one bar per runtime series. */
export interface AbsolutePanel {
  key: string;
  workload: string;
  metric: string;
  unit: string;
  direction: string;
  bars: {
    key: string;
    label: string;
    runtime: string;
    color: string;
    mean: number;
    error: [number, number] | null;
    n: number;
    points: { value: number; repetition: number; sourceFileId: number }[];
  }[];
}

/** The key of a repetition's dot in an absolute panel: its bar, repetition and place in the bar's list. */
export const absolutePointKey = (barKey: string, repetition: number, index: number) =>
  `${barKey}#${repetition}#${index}`;

/** A repetition's dot as the keyboard walks it: runtimes left to right, within one the highest value on top. */
export interface AbsoluteMark {
  key: string;
  label: string;
  position: { row: number; col: number };
  sourceFileId: number;
}

/** The panel's dots as marks, each labelled with its value and the mean it belongs to. */
export function absoluteMarks(panel: AbsolutePanel): AbsoluteMark[] {
  return panel.bars.flatMap((bar, col) => {
    const byValue = bar.points.map((p, i) => ({ ...p, i })).sort((a, b) => b.value - a.value);
    return byValue.map((p, row) => ({
      key: absolutePointKey(bar.key, p.repetition, p.i),
      label: `${bar.label}, repetition ${p.repetition}: ${formatValue(p.value, panel.unit)} (mean ${formatValue(bar.mean, panel.unit)}, n = ${bar.n})`,
      position: { row, col },
      sourceFileId: p.sourceFileId,
    }));
  });
}

/** Panels the absolute view draws at most: enough for a focused view (filter by workload to see others). */
export const MAX_PANELS = 24;

/**
 * The series of the first `max` panels, in toAbsolutePanels' order (workload, then metric), and
 * how many panels there are: only those need their samples read.
 */
export function firstPanels<T extends { workload: string; metric: string }>(
  series: readonly T[],
  max: number,
): { shown: T[]; total: number } {
  const byName = (a: T, b: T) => a.workload.localeCompare(b.workload) || a.metric.localeCompare(b.metric);
  const keys = [...new Set([...series].sort(byName).map((s) => `${s.workload}\u0000${s.metric}`))];
  const kept = new Set(keys.slice(0, max));
  return { shown: series.filter((s) => kept.has(`${s.workload}\u0000${s.metric}`)), total: keys.length };
}

/**
 * The value a series' bar stands at: its geometric mean, which its interval surrounds and every
 * ratio compares (lib/overhead/log-ratio.ts summarizeSeries); the arithmetic mean where a value is 0.
 */
const centreOf = (s: Pick<AbsoluteViewSeries, "geoMean" | "mean">) => s.geoMean ?? s.mean;

/** Groups series into panels (one unit per axis), baseline first, then by runtime label. */
export function toAbsolutePanels(series: readonly AbsoluteViewSeries[], baseline: string): AbsolutePanel[] {
  const panels = new Map<string, AbsolutePanel>();
  for (const s of series) {
    const key = `${s.workload}|${s.metric}`;
    const panel = panels.get(key) ?? {
      key,
      workload: s.workload,
      metric: s.metric,
      unit: s.unit,
      direction: s.direction,
      bars: [],
    };
    panels.set(key, panel);
    panel.bars.push({
      key: runtimeSeriesKey(s.runtime, s.version, s.variant),
      label: runtimeLabel(s.runtime, s.version, s.variant),
      runtime: s.runtime,
      color: runtimeColor(s.runtime),
      mean: centreOf(s),
      error: s.ciLow === null || s.ciHigh === null ? null : [centreOf(s) - s.ciLow, s.ciHigh - centreOf(s)],
      n: s.n,
      points: s.values.map((v) => ({ value: v.value, repetition: v.repetition, sourceFileId: v.sourceFileId })),
    });
  }
  for (const p of panels.values())
    p.bars.sort(
      (a, b) => Number(b.runtime === baseline) - Number(a.runtime === baseline) || a.label.localeCompare(b.label),
    );
  return [...panels.values()].sort((a, b) => a.workload.localeCompare(b.workload) || a.metric.localeCompare(b.metric));
}
