/**
 * Count, mean and sum of squared deviations (M2) of a set of numbers: enough for its mean,
 * variance and t interval, and mergeable, so statistics can be kept per series at ingest and
 * combined later without reading the samples again (Chan, Golub & LeVeque's pairwise update,
 * which stays accurate where Σx² − n·mean² cancels catastrophically).
 */
export interface Moments {
  n: number;
  mean: number;
  m2: number;
}

export const NO_MOMENTS: Moments = { n: 0, mean: 0, m2: 0 };

/** Welford's one-pass moments of `values`. */
export function momentsOf(values: Iterable<number>): Moments {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const x of values) {
    n++;
    const delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }
  return { n, mean, m2 };
}

/** The moments of the union of two disjoint sets. */
function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n };
}

/** Sample variance (n − 1 denominator); null when n < 2. Clamped at 0 against rounding. */
export function sampleVariance(m: Moments): number | null {
  return m.n < 2 ? null : Math.max(0, m.m2) / (m.n - 1);
}

/** Moments of −x, given those of x: the log of 1/value is minus the log of value. */
export function negateMoments(m: Moments): Moments {
  return { n: m.n, mean: -m.mean, m2: m.m2 };
}

/**
 * What is kept for each series: moments of its values, and of the logs of its positive
 * values (overhead is a ratio of geometric means). `log.n < value.n` means some value was
 * zero or negative, and the series has no ratio.
 */
export interface SeriesMoments {
  value: Moments;
  log: Moments;
}

export function seriesMomentsOf(values: readonly number[]): SeriesMoments {
  return { value: momentsOf(values), log: momentsOf(values.filter((v) => v > 0).map(Math.log)) };
}

export function mergeSeriesMoments(a: SeriesMoments, b: SeriesMoments): SeriesMoments {
  return { value: mergeMoments(a.value, b.value), log: mergeMoments(a.log, b.log) };
}
