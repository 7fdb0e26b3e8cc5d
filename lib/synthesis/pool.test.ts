import { describe, expect, it } from "vitest";
import { poolRandomEffects } from "./pool";

const study = (logRatio: number, variance: number | null, df: number | null = variance === null ? null : 10) => ({
  logRatio,
  variance,
  df,
});
const pct = (log: number) => (Math.exp(log) - 1) * 100;

describe("poolRandomEffects", () => {
  it("pools three heterogeneous studies by hand: DL τ², I², μ and the HKSJ interval", () => {
    // y = 0, 0.1, 0.5; v = 0.01, 0.01, 0.04
    // fixed-effect weights w = 1/v = 100, 100, 25; W = 225; ȳ = (0 + 10 + 12.5)/225 = 0.1
    // Q = 100·(0 − 0.1)² + 100·(0.1 − 0.1)² + 25·(0.5 − 0.1)² = 1 + 0 + 4 = 5
    // C = W − Σw²/W = 225 − 20625/225 = 133.33…
    // τ² = (Q − (k − 1))/C = 3/133.33… = 0.0225; I² = (Q − 2)/Q = 0.6
    // random-effects weights w* = 1/(v + τ²) = 400/13, 400/13, 16; W* = 1008/13 = 77.538…
    // shares w*/W* = 0.396825…, 0.396825…, 0.206349…
    // μ = (0 + 40/13 + 8)/(1008/13) = 144/1008 = 1/7 = 0.142857…
    // q = Σw*(y − μ)²/(k − 1) = (400/637 + 3600/63700 + 400/196)/2 = 124/91 = 1.362637… (above 1: used as is)
    // Var(μ) = q/W* = 31/1764; SE = √31/42 = 0.132566; t(0.975, df 2) = 4.302653; half width 0.570385
    // interval 1/7 ± 0.570385 = −0.427528 … 0.713242 (log), i.e. −34.79 % … +104.06 %; μ is +15.36 %
    const pooled = poolRandomEffects([study(0, 0.01), study(0.1, 0.01), study(0.5, 0.04)]);
    expect(pooled.k).toBe(3);
    expect(pooled.leftOut).toBe(0);
    expect(pooled.tau2).toBeCloseTo(0.0225, 12);
    expect(pooled.i2).toBeCloseTo(0.6, 12);
    expect(pooled.estimate!.logRatio).toBeCloseTo(1 / 7, 12);
    expect(pooled.estimate!.variance).toBeCloseTo(31 / 1764, 12);
    expect(pooled.estimate!.df).toBe(2);
    expect(pooled.weights[0]).toBeCloseTo(400 / 13 / (1008 / 13), 12);
    expect(pooled.weights[1]).toBeCloseTo(0.396825, 6);
    expect(pooled.weights[2]).toBeCloseTo(0.206349, 6);
    const half = 4.302653 * Math.sqrt(31 / 1764);
    expect(pooled.pooledPct).toBeCloseTo(pct(1 / 7), 10);
    expect(pooled.ciLowPct).toBeCloseTo(pct(1 / 7 - half), 4);
    expect(pooled.ciHighPct).toBeCloseTo(pct(1 / 7 + half), 4);
    expect(pooled.ciLowPct).toBeCloseTo(-34.788, 3);
    expect(pooled.ciHighPct).toBeCloseTo(104.06, 2);
  });

  it("truncates τ² at 0 when Q is below k − 1, and the HKSJ scale q at 1", () => {
    // y = 0.1, 0.3, 0.2; v = 0.01, 0.02, 0.04: w = 100, 50, 25; W = 175; ȳ = 30/175 = 6/35 = 0.171429
    // Q = 100·(1/14)² + 50·(9/70)² + 25·(1/35)² = (2500 + 4050 + 100)/4900 = 19/14 = 1.357143 < k − 1 = 2
    // so τ² = 0, I² = 0: random-effects weights are the fixed ones, μ = 6/35, shares 4/7, 2/7, 1/7
    // q = Q/2 = 19/28 = 0.678571 < 1 → 1 (untruncated HKSJ would give Var = 0.678571/175)
    // Var(μ) = 1/175; SE = 0.075593; half width 4.302653·0.075593 = 0.325250
    // interval 6/35 ± 0.325250 = −0.153821 … 0.496679 (log), i.e. −14.26 % … +64.33 %; μ is +18.70 %
    const pooled = poolRandomEffects([study(0.1, 0.01), study(0.3, 0.02), study(0.2, 0.04)]);
    expect(pooled.tau2).toBe(0);
    expect(pooled.i2).toBe(0);
    expect(pooled.estimate!.logRatio).toBeCloseTo(6 / 35, 12);
    expect(pooled.estimate!.variance).toBeCloseTo(1 / 175, 12);
    expect(pooled.weights).toEqual([4 / 7, 2 / 7, 1 / 7].map((w) => expect.closeTo(w, 12)));
    expect(pooled.pooledPct).toBeCloseTo(18.6999, 3);
    expect(pooled.ciLowPct).toBeCloseTo(-14.2575, 3);
    expect(pooled.ciHighPct).toBeCloseTo(64.3254, 3);
  });

  it("gives τ² = 0 and I² = 0 when the studies agree exactly (Q = 0)", () => {
    // y = 0.2, 0.2; v = 0.01, 0.04: Q = 0; q = 0 → 1; Var = 1/(100 + 25) = 0.008
    // t(0.975, df 1) = 12.706205; half width 12.706205·√0.008 = 1.136478: a wide interval from two studies
    const pooled = poolRandomEffects([study(0.2, 0.01), study(0.2, 0.04)]);
    expect(pooled.tau2).toBe(0);
    expect(pooled.i2).toBe(0);
    expect(pooled.estimate).toEqual({ logRatio: expect.closeTo(0.2, 12), variance: expect.closeTo(0.008, 12), df: 1 });
    expect(pooled.weights).toEqual([expect.closeTo(0.8, 12), expect.closeTo(0.2, 12)]);
    expect(pooled.ciLowPct).toBeCloseTo(pct(0.2 - 12.706205 * Math.sqrt(0.008)), 4);
  });

  it("passes a single study through with its own t interval", () => {
    // y = 0.3, v = 0.04, df 4: t(0.975, 4) = 2.776445; 0.3 ± 2.776445·0.2 = −0.255289 … 0.855289
    const pooled = poolRandomEffects([study(0.3, 0.04, 4)]);
    expect(pooled).toMatchObject({ k: 1, leftOut: 0, i2: null, tau2: null, weights: [1] });
    expect(pooled.estimate).toEqual({ logRatio: 0.3, variance: 0.04, df: 4 });
    expect(pooled.pooledPct).toBeCloseTo(pct(0.3), 12);
    expect(pooled.ciLowPct).toBeCloseTo(pct(0.3 - 2.776445 * 0.2), 4);
    expect(pooled.ciHighPct).toBeCloseTo(pct(0.3 + 2.776445 * 0.2), 4);
  });

  it("leaves studies without a variance out of the pool, and counts them", () => {
    const pooled = poolRandomEffects([study(0.9, null), study(0.3, 0.04, 4), study(0.5, 0, Infinity)]);
    expect(pooled).toMatchObject({ k: 1, leftOut: 2, weights: [null, 1, null] });
    expect(pooled.estimate!.logRatio).toBe(0.3);
  });

  it("pools nothing when no study has a variance", () => {
    const pooled = poolRandomEffects([study(0.9, null)]);
    expect(pooled).toMatchObject({ k: 0, leftOut: 1, estimate: null, weights: [null] });
    expect([pooled.pooledPct, pooled.ciLowPct, pooled.ciHighPct, pooled.i2, pooled.tau2]).toEqual(Array(5).fill(null));
  });
});
