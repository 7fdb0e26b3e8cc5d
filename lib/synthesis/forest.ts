import { log2ToPct } from "../explore/chart-data";

/** A forest plot's horizontal scale: log2 cost ratio, from `min` to `max`, with ticks labelled in percent. */
export interface ForestScale {
  min: number;
  max: number;
  /** Tick positions in log2 ratio, and the overhead each stands for. */
  ticks: { log2: number; pct: number }[];
}

const log2Of = (pct: number) => Math.log2(1 + pct / 100);

/**
 * A scale covering every estimate and interval end (in percent) and no overhead (0 %), with ticks
 * at whole doublings, or half doublings when the range spans less than two.
 */
export function forestScale(pcts: readonly (number | null)[]): ForestScale {
  const logs = pcts.filter((p): p is number => p !== null && p > -100).map(log2Of);
  const lo = Math.min(0, ...logs);
  const hi = Math.max(0, ...logs);
  const step = hi - lo < 2 ? 0.5 : 1;
  const min = Math.floor(lo / step) * step;
  const max = Math.max(Math.ceil(hi / step) * step, min + step);
  const ticks = [];
  for (let t = min; t <= max + 1e-9; t += step) ticks.push({ log2: t, pct: log2ToPct(t) });
  return { min, max, ticks };
}

/** Where an overhead in percent sits on the scale, from 0 (left) to 1 (right), clamped. */
export function forestPosition(scale: ForestScale, pct: number): number {
  const x = (log2Of(Math.max(pct, -99.99)) - scale.min) / (scale.max - scale.min);
  return Math.min(1, Math.max(0, x));
}
