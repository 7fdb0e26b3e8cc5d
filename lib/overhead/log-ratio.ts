import pkg from "jstat";
import { momentsOf, sampleVariance, type Moments, type SeriesMoments } from "./moments";

const { jStat } = pkg;

const quantiles = new Map<number, number>();

/** Two-sided 95 % Student t quantile. Memoized by df: jStat inverts the CDF iteratively, and most dfs recur (n − 1). */
export function tQuantile95(df: number): number {
  let q = quantiles.get(df);
  if (q === undefined) {
    q = jStat.studentt.inv(0.975, df);
    if (quantiles.size < 10_000) quantiles.set(df, q);
  }
  return q;
}

export interface Summary {
  n: number;
  /** Arithmetic mean and sample standard deviation (null when n = 1) of the values. */
  mean: number;
  sd: number | null;
  /** Geometric mean, the centre every ratio compares; null when a value is zero or negative. */
  geoMean: number | null;
  /**
   * 95 % interval of the geometric mean, from a t interval on log values, so it never reaches
   * zero (decision 010); of the arithmetic mean, bounded below at 0, where there is no geometric
   * mean (measured quantities are never negative). Null when n = 1.
   */
  ciLow: number | null;
  ciHigh: number | null;
}

/** Half the width of a 95 % t interval on the mean of the moments' values; null when n = 1. */
function halfWidth95(m: Moments): number | null {
  const variance = sampleVariance(m);
  return variance === null ? null : (tQuantile95(m.n - 1) * Math.sqrt(variance)) / Math.sqrt(m.n);
}

/**
 * n, mean, sd, geometric mean and its 95 % interval of a series, from the moments of its values
 * and of their logs (lib/overhead/moments.ts SeriesMoments).
 */
export function summarizeSeries({ value, log }: SeriesMoments): Summary {
  if (value.n === 0) throw new Error("summarizeSeries: no values");
  const variance = sampleVariance(value);
  const sd = variance === null ? null : Math.sqrt(variance);
  if (log.n === value.n) {
    const half = halfWidth95(log);
    return {
      n: value.n,
      mean: value.mean,
      sd,
      geoMean: Math.exp(log.mean),
      ciLow: half === null ? null : Math.exp(log.mean - half),
      ciHigh: half === null ? null : Math.exp(log.mean + half),
    };
  }
  const half = halfWidth95(value);
  return {
    n: value.n,
    mean: value.mean,
    sd,
    geoMean: null,
    ciLow: half === null ? null : Math.max(0, value.mean - half),
    ciHigh: half === null ? null : value.mean + half,
  };
}

/** Mean and squared standard error of log values, the unit of every ratio estimate below. */
export interface LogEstimate {
  /** Mean of log(cost) differences (a log ratio). */
  logRatio: number;
  /** Squared standard error; null when either side has n = 1. */
  variance: number | null;
  /** Welch–Satterthwaite degrees of freedom; null with the variance. */
  df: number | null;
}

/**
 * Log of the ratio of geometric means of `runtime` over `baseline`, with a Welch t interval's
 * ingredients. Values must be positive costs (time-like: lower is better).
 */
export function logRatio(runtime: readonly number[], baseline: readonly number[]): LogEstimate {
  return logRatioOfMoments(momentsOf(runtime.map(Math.log)), momentsOf(baseline.map(Math.log)));
}

/** The same estimate from the moments of log costs. */
export function logRatioOfMoments(x: Moments, y: Moments): LogEstimate {
  const logRatio = x.mean - y.mean;
  const sx = sampleVariance(x);
  const sy = sampleVariance(y);
  if (sx === null || sy === null) return { logRatio, variance: null, df: null };
  const vx = sx / x.n;
  const vy = sy / y.n;
  return {
    logRatio,
    variance: vx + vy,
    df: satterthwaiteDf([
      { variance: vx, df: x.n - 1 },
      { variance: vy, df: y.n - 1 },
    ]),
  };
}

/**
 * Welch–Satterthwaite degrees of freedom of a sum of independent variance terms, (Σvᵢ)² / Σ(vᵢ²/dfᵢ).
 * Terms with infinite df add nothing below the line; Infinity when nothing is left there (no spread).
 */
function satterthwaiteDf(terms: readonly { variance: number; df: number }[]): number {
  const total = terms.reduce((s, t) => s + t.variance, 0);
  const denom = terms.reduce((s, t) => s + (t.df === Infinity ? 0 : t.variance ** 2 / t.df), 0);
  return denom === 0 ? Infinity : total ** 2 / denom;
}

/**
 * (Weighted) mean of several log ratios: a geometric mean of ratios across workloads or
 * categories. Variances propagate as Σ(wᵢ/W)²·varᵢ with Satterthwaite's df; the interval needs
 * every part to have one. Equal weights when `weights` is omitted.
 */
export function combineLogRatios(parts: readonly LogEstimate[], weights?: readonly number[]): LogEstimate {
  if (parts.length === 0) throw new Error("combineLogRatios: no parts");
  const w = weights ?? parts.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  if (!(total > 0) || w.length !== parts.length)
    throw new Error("combineLogRatios: weights must match parts and sum above 0");
  return sumLogRatios(parts.map((p, i) => scaleLogRatio(p, w[i]! / total)));
}

/** c times a log ratio: variance times c², df unchanged. */
function scaleLogRatio(p: LogEstimate, c: number): LogEstimate {
  return { logRatio: c * p.logRatio, variance: p.variance === null ? null : c ** 2 * p.variance, df: p.df };
}

/**
 * Sum of independent log ratios: a chain of ratios (R over B, B over A gives R over A). Variances
 * add, with Satterthwaite's df; no variance when any part has none.
 */
export function sumLogRatios(parts: readonly LogEstimate[]): LogEstimate {
  const logRatio = parts.reduce((s, p) => s + p.logRatio, 0);
  if (parts.some((p) => p.variance === null)) return { logRatio, variance: null, df: null };
  const terms = parts.map((p) => ({ variance: p.variance!, df: p.df! }));
  return { logRatio, variance: terms.reduce((s, t) => s + t.variance, 0), df: satterthwaiteDf(terms) };
}

export interface RatioInterval {
  ratio: number;
  low: number | null;
  high: number | null;
}

/** exp() of a log estimate with its 95 % interval (null when there is none). */
export function toRatio(e: LogEstimate): RatioInterval {
  const ratio = Math.exp(e.logRatio);
  if (e.variance === null || e.df === null) return { ratio, low: null, high: null };
  const half =
    e.variance === 0 ? 0 : (e.df === Infinity ? 1.959963984540054 : tQuantile95(e.df)) * Math.sqrt(e.variance);
  return { ratio, low: Math.exp(e.logRatio - half), high: Math.exp(e.logRatio + half) };
}
