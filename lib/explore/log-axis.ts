/** A log2 axis of cost ratios labelled in percent: the overhead panels and the guide's trade-off chart. */

export interface LogAxis {
  /** Domain in log2 units; it always holds 0 (the baseline). */
  min: number;
  max: number;
  ticks: { log2: number; label: string }[];
}

const log2Ratio = (pct: number) => Math.log2(1 + pct / 100);

const tickNumber = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
/** "−50 %", "+300 %": ticks are round, so no trailing ".0" as in table values. */
const tickLabel = (pct: number) => `${pct > 0 ? "+" : "−"}${tickNumber.format(Math.abs(pct))} %`;

/**
 * Overheads in percent that make readable ticks: round percentages that are also plain ratios
 * (−50 % is half, +300 % is four times).
 */
const NICE_PCTS = [
  -99.9, -99, -95, -90, -75, -50, -25, -10, 0, 10, 25, 50, 100, 200, 300, 500, 1_000, 2_000, 5_000, 10_000, 20_000,
  50_000, 100_000,
];

/**
 * An axis over log2 values `lo`..`hi` (and 0): it ends at the nearest nice tick beyond the data
 * and keeps at most `maxTicks` ticks, 0 always among them, spaced at least a `1/(maxTicks-1)`
 * of the domain apart.
 */
export function niceLogAxis(lo: number, hi: number, maxTicks = 5): LogAxis {
  const logs = NICE_PCTS.map(log2Ratio);
  const outer = (v: number, dir: 1 | -1) =>
    v === 0
      ? 0
      : dir > 0
        ? (logs.find((t) => t >= v - 1e-9) ?? v)
        : ([...logs].reverse().find((t) => t <= v + 1e-9) ?? v);
  const min = outer(Math.min(0, lo), -1);
  const max = outer(Math.max(0, hi), 1);
  const span = max - min || 1;
  const gap = span / Math.max(1, maxTicks - 1);
  const inside = logs.filter((t) => t >= min - 1e-9 && t <= max + 1e-9);
  // From 0 outwards, each side keeps its domain end and the ticks that leave room to it.
  const side = (candidates: number[], end: number) => {
    const kept: number[] = [];
    let last = 0;
    for (const t of candidates) {
      if (Math.abs(t - last) >= gap - 1e-9 && Math.abs(end - t) >= gap - 1e-9) kept.push((last = t));
    }
    // The end bounds the domain; its label only where it does not crowd the previous one.
    if (end !== 0 && Math.abs(end - last) >= gap * 0.6 - 1e-9) kept.push(end);
    return kept;
  };
  const below = side(inside.filter((t) => t < 0).reverse(), min).reverse();
  const above = side(
    inside.filter((t) => t > 0),
    max,
  );
  const ticks = [...below, 0, ...above].map((t) => ({ log2: t, label: t === 0 ? "0" : tickLabel(2 ** t * 100 - 100) }));
  return { min, max, ticks };
}
