import pkg from "jstat";
import { momentsOf, sampleVariance, type Moments } from "./moments";

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
  mean: number;
  /** Null when n = 1. */
  sd: number | null;
  /** 95 % t interval on the mean; null when n = 1. */
  ciLow: number | null;
  ciHigh: number | null;
}

/** n, mean, sample standard deviation and a 95 % t interval on the mean, from moments (lib/overhead/moments.ts). */
export function summarizeMoments(m: Moments): Summary {
  if (m.n === 0) throw new Error("summarizeMoments: no values");
  const variance = sampleVariance(m);
  if (variance === null) return { n: m.n, mean: m.mean, sd: null, ciLow: null, ciHigh: null };
  const sd = Math.sqrt(variance);
  const half = (tQuantile95(m.n - 1) * sd) / Math.sqrt(m.n);
  return { n: m.n, mean: m.mean, sd, ciLow: m.mean - half, ciHigh: m.mean + half };
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
  const variance = vx + vy;
  const df = variance === 0 ? Infinity : variance ** 2 / (vx ** 2 / (x.n - 1) + vy ** 2 / (y.n - 1));
  return { logRatio, variance, df };
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
  const share = w.map((x) => x / total);
  const logRatio = parts.reduce((s, p, i) => s + share[i]! * p.logRatio, 0);
  if (parts.some((p) => p.variance === null)) return { logRatio, variance: null, df: null };
  const variances = parts.map((p, i) => share[i]! ** 2 * p.variance!);
  const variance = variances.reduce((s, v) => s + v, 0);
  const denom = variances.reduce((s, v, i) => s + (parts[i]!.df === Infinity ? 0 : v ** 2 / parts[i]!.df!), 0);
  return { logRatio, variance, df: denom === 0 ? Infinity : variance ** 2 / denom };
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
