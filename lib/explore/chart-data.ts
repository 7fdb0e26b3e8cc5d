import { formatValue, runtimeLabel, runtimeSeriesKey } from "../format";
import type { AbsoluteViewSeries, OverheadViewRow } from "./rows";
import { runtimeColor } from "../palette";

/**
 * One bar of the overhead chart. Bars are drawn on a log2 axis of the cost ratio, so that
 * ×2 slower and ×2 faster are the same length and a +1,700 % outlier does not flatten the rest;
 * `error` holds the whisker lengths below and above, in the same log2 units.
 */
export interface OverheadBar {
  key: string;
  label: string;
  runtime: string;
  workload: string;
  metric: string;
  color: string;
  overheadPct: number;
  log2Ratio: number;
  error: [number, number] | null;
  n: number;
  baselineN: number;
}

/**
 * Chart heights in px: the charts draw at these, and their placeholders (components/charts/lazy-charts.tsx)
 * hold the same space while Recharts loads, so the page does not shift when a chart appears.
 */
export const ABSOLUTE_CHART_HEIGHT = 300;
export const TRADEOFF_CHART_HEIGHT = 320;
/** 28 px per bar plus room for the axis, at least 160 px. */
export const overheadChartHeight = (bars: number) => Math.max(160, bars * 28 + 60);

const log2Ratio = (pct: number) => Math.log2(1 + pct / 100);

/** Tick positions (whole powers of two of the ratio) covering the bars and their whiskers. */
export function log2Ticks(bars: readonly OverheadBar[]): number[] {
  const lo = Math.min(0, ...bars.map((b) => b.log2Ratio - (b.error?.[0] ?? 0)));
  const hi = Math.max(0, ...bars.map((b) => b.log2Ratio + (b.error?.[1] ?? 0)));
  const ticks: number[] = [];
  for (let t = Math.floor(lo); t <= Math.ceil(hi); t++) ticks.push(t);
  return ticks;
}

/** The overhead in percent that a log2 ratio stands for (tick labels). */
export const log2ToPct = (t: number) => (2 ** t - 1) * 100;

export function toOverheadBars(rows: readonly OverheadViewRow[]): OverheadBar[] {
  return rows.map((r) => ({
    key: `${runtimeSeriesKey(r.runtime, r.version, r.variant)}|${r.workload}|${r.metric}`,
    label: `${runtimeLabel(r.runtime, r.version, r.variant)} · ${r.workload}`,
    runtime: r.runtime,
    workload: r.workload,
    metric: r.metric,
    color: runtimeColor(r.runtime),
    overheadPct: r.overheadPct,
    log2Ratio: log2Ratio(r.overheadPct),
    error:
      r.ciLowPct === null || r.ciHighPct === null
        ? null
        : [log2Ratio(r.overheadPct) - log2Ratio(r.ciLowPct), log2Ratio(r.ciHighPct) - log2Ratio(r.overheadPct)],
    n: r.n,
    baselineN: r.baselineN,
  }));
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
      mean: s.mean,
      error: s.ciLow === null || s.ciHigh === null ? null : [s.mean - s.ciLow, s.ciHigh - s.mean],
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
