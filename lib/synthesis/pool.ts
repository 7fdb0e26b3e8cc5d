import type { LogEstimate } from "../overhead/log-ratio";
import { overheadOfEstimate, percentsOf } from "../overhead/ratio";

/**
 * Studies pooled into one effect: random effects with DerSimonian–Laird τ² and a modified
 * Hartung–Knapp–Sidik–Jonkman 95 % interval (docs/decisions/007-synthesis-across-datasets.md).
 */
export interface PooledEffect {
  /** Studies pooled: those with a positive variance. */
  k: number;
  /** Studies given but not pooled, for want of a variance (n = 1, or no spread at all). */
  leftOut: number;
  /**
   * The pooled log cost ratio μ with its HKSJ variance and k − 1 df (k = 1: the study's own
   * estimate); null when no study could be pooled.
   */
  estimate: LogEstimate | null;
  /** (exp(μ) − 1)·100 and its 95 % interval; null when k = 0. */
  pooledPct: number | null;
  ciLowPct: number | null;
  ciHighPct: number | null;
  /** Higgins' I², a share from 0 to 1 of the spread that is heterogeneity; null when k < 2. */
  i2: number | null;
  /** DerSimonian–Laird between-study variance of log ratios; null when k < 2. */
  tau2: number | null;
  /** Each study's share of μ, in the order given, summing to 1; null for studies left out. */
  weights: (number | null)[];
}

/** Whether a study can be pooled: inverse-variance weights need a positive, finite variance. */
function hasVariance(e: LogEstimate): boolean {
  return e.variance !== null && e.variance > 0 && Number.isFinite(e.variance);
}

/**
 * Random-effects pooling of log cost ratios. k ≥ 2: DL τ², weights 1/(vᵢ + τ²), and the interval
 * μ ± t(k − 1)·√(max(1, q)/Σwᵢ*) (q truncated at 1: never narrower than its weights imply). k = 1: the
 * study's own t interval. Studies without a variance are counted in `leftOut`, never pooled.
 */
export function poolRandomEffects(studies: readonly LogEstimate[]): PooledEffect {
  const pooledAt = studies.flatMap((s, i) => (hasVariance(s) ? [i] : []));
  const pooled = pooledAt.map((i) => studies[i]!);
  const leftOut = studies.length - pooled.length;
  const k = pooled.length;
  if (k === 0)
    return {
      k,
      leftOut,
      estimate: null,
      pooledPct: null,
      ciLowPct: null,
      ciHighPct: null,
      i2: null,
      tau2: null,
      weights: studies.map(() => null),
    };
  const fit = k === 1 ? { estimate: pooled[0]!, i2: null, tau2: null, shares: [1] } : derSimonianLairdHksj(pooled);
  const weights: (number | null)[] = studies.map(() => null);
  pooledAt.forEach((at, i) => (weights[at] = fit.shares[i]!));
  return {
    k,
    leftOut,
    estimate: fit.estimate,
    ...pooledPercents(fit.estimate),
    i2: fit.i2,
    tau2: fit.tau2,
    weights,
  };
}

/** A pooled log ratio in percent with its interval, from its variance and df. */
export function pooledPercents(e: LogEstimate): Pick<PooledEffect, "pooledPct" | "ciLowPct" | "ciHighPct"> {
  const { overheadPct, ciLowPct, ciHighPct } = percentsOf(overheadOfEstimate(e));
  return { pooledPct: overheadPct, ciLowPct, ciHighPct };
}

/** k ≥ 2 studies, each with a positive variance. */
function derSimonianLairdHksj(studies: readonly LogEstimate[]) {
  const k = studies.length;
  const y = studies.map((s) => s.logRatio);
  const v = studies.map((s) => s.variance!);
  const w = v.map((x) => 1 / x);
  const fixed = weightedMean(y, w);
  const cochranQ = sum(w.map((wi, i) => wi * (y[i]! - fixed) ** 2));
  const c = sum(w) - sum(w.map((wi) => wi * wi)) / sum(w);
  const tau2 = Math.max(0, (cochranQ - (k - 1)) / c);
  const i2 = cochranQ > 0 ? Math.max(0, (cochranQ - (k - 1)) / cochranQ) : 0;
  const wr = v.map((x) => 1 / (x + tau2));
  const mu = weightedMean(y, wr);
  // HKSJ scale: the weighted residual variance of the estimates around μ. Truncated at 1 because
  // with two or three studies that happen to agree it would shrink the interval below what the
  // studies' own variances allow (Röver, Knapp & Friede 2015).
  const hksjScale = sum(wr.map((wi, i) => wi * (y[i]! - mu) ** 2)) / (k - 1);
  const estimate: LogEstimate = { logRatio: mu, variance: Math.max(1, hksjScale) / sum(wr), df: k - 1 };
  return { estimate, i2, tau2, shares: wr.map((wi) => wi / sum(wr)) };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

function weightedMean(y: readonly number[], w: readonly number[]): number {
  return sum(y.map((yi, i) => w[i]! * yi)) / sum(w);
}
