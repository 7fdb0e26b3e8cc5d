import type { Direction } from "@/lib/units";
import { negateMoments, type Moments } from "./moments";
import { combineLogRatios, logRatio, logRatioOfMoments, toRatio, type LogEstimate } from "./log-ratio";

/**
 * Overhead, defined once (README, "The dashboard", Statistics): cost = value when lower is
 * better, 1/value when higher is better (docs/decisions/002-canonical-units-and-direction.md);
 * overhead = cost(R)/cost(B) − 1. With repetitions we use the ratio of geometric means and a
 * Welch t interval on log values. This module is the only place that turns measurements into
 * overhead.
 */
export interface Overhead {
  /** cost ratio − 1, as a fraction (0.5 = +50 %). */
  overhead: number;
  ciLow: number | null;
  ciHigh: number | null;
  estimate: LogEstimate;
}

/** log(cost) of each value; throws on values that have no cost (zero or negative). */
function logCosts(values: readonly number[], direction: Direction): number[] {
  return values.map((v) => {
    if (!(v > 0)) throw new Error(`overhead needs positive values, got ${v}`);
    return direction === "lower" ? v : 1 / v;
  });
}

export function computeOverhead(
  runtime: readonly number[],
  baseline: readonly number[],
  direction: Direction,
): Overhead {
  const estimate = logRatio(logCosts(runtime, direction), logCosts(baseline, direction));
  return overheadOfEstimate(estimate);
}

/**
 * The same overhead from the moments of log values kept per series (lib/overhead/moments.ts): the log
 * cost of a higher-is-better value is minus its log.
 */
export function overheadOfLogMoments(runtime: Moments, baseline: Moments, direction: Direction): Overhead {
  const cost = (m: Moments) => (direction === "lower" ? m : negateMoments(m));
  return overheadOfEstimate(logRatioOfMoments(cost(runtime), cost(baseline)));
}

/**
 * Geometric mean of several overheads' ratios (never an arithmetic mean of percentages),
 * weighted when `weights` is given (use-case rankings).
 */
export function summarizeOverheads(parts: readonly Overhead[], weights?: readonly number[]): Overhead {
  return overheadOfEstimate(
    combineLogRatios(
      parts.map((p) => p.estimate),
      weights,
    ),
  );
}

/** An overhead from its log ratio estimate: exp() of it and of its interval's ends, minus 1. */
export function overheadOfEstimate(estimate: LogEstimate): Overhead {
  const r = toRatio(estimate);
  return {
    overhead: r.ratio - 1,
    ciLow: r.low === null ? null : r.low - 1,
    ciHigh: r.high === null ? null : r.high - 1,
    estimate,
  };
}

/** An overhead in percent, as rows and cells show it: null ends where there is no interval. */
export interface OverheadPercents {
  overheadPct: number;
  ciLowPct: number | null;
  ciHighPct: number | null;
}

export function percentsOf(o: Overhead): OverheadPercents {
  return {
    overheadPct: o.overhead * 100,
    ciLowPct: o.ciLow === null ? null : o.ciLow * 100,
    ciHighPct: o.ciHigh === null ? null : o.ciHigh * 100,
  };
}
