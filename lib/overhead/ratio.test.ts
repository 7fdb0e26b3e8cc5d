import { describe, expect, it } from "vitest";
import { computeOverhead, summarizeOverheads } from "./ratio";
import { momentsOf } from "./moments";
import { summarizeMoments, tQuantile95 } from "./log-ratio";

describe("summarizeMoments", () => {
  it("gives mean, sd and a t interval computable by hand", () => {
    // mean 4, sd 2 (deviations -2, 0, 2), t(0.975, 2) = 4.302653, half = 4.302653 * 2 / sqrt(3)
    const s = summarizeMoments(momentsOf([2, 4, 6]));
    expect(s).toMatchObject({ n: 3, mean: 4, sd: 2 });
    expect(s.ciLow).toBeCloseTo(4 - (4.302653 * 2) / Math.sqrt(3), 5);
    expect(tQuantile95(4)).toBeCloseTo(2.776445, 6);
  });

  it("says there is no interval when n = 1", () => {
    expect(summarizeMoments(momentsOf([7]))).toEqual({ n: 1, mean: 7, sd: null, ciLow: null, ciHigh: null });
  });
});

describe("computeOverhead", () => {
  it("takes the ratio of costs: twice the time is +100 %", () => {
    expect(computeOverhead([20], [10], "lower").overhead).toBeCloseTo(1, 12);
  });

  it("inverts higher-is-better values: half the throughput is +100 %, double is −50 %", () => {
    expect(computeOverhead([50], [100], "higher").overhead).toBeCloseTo(1, 12);
    expect(computeOverhead([200], [100], "higher").overhead).toBeCloseTo(-0.5, 12);
  });

  it("matches gVisor's published tmpfs random read: 1,221,472,256 vs 68,940,800 B/s is +1,672 %, no interval", () => {
    const o = computeOverhead([68_940_800], [1_221_472_256], "higher");
    expect(o.overhead * 100).toBeCloseTo(1671.8, 1);
    expect([o.ciLow, o.ciHigh]).toEqual([null, null]);
  });

  it("gives a Welch interval on log values when both sides have n >= 2", () => {
    // Runtime costs 2 and 8: logs ln2 ± ln2·... mean ln4, deviations ±ln2, sample sd ln2·√2,
    // se² = (2·ln2²)/2 = ln2². Baseline 1, 1: zero variance, so Welch df = n−1 = 1, t = 12.706205.
    const o = computeOverhead([2, 8], [1, 1], "lower");
    expect(o.overhead).toBeCloseTo(3, 12); // geometric mean 4 over 1
    const half = 12.706205 * Math.log(2);
    expect(Math.log(1 + o.ciLow!)).toBeCloseTo(Math.log(4) - half, 5);
    expect(Math.log(1 + o.ciHigh!)).toBeCloseTo(Math.log(4) + half, 5);
  });

  it("refuses values that have no cost", () => {
    expect(() => computeOverhead([0], [1], "higher")).toThrow(/positive values/);
  });
});

describe("summarizeOverheads", () => {
  it("is the geometric mean of ratios, not the mean of percentages", () => {
    // ratios 2 (+100 %) and 0.5 (−50 %): geometric mean 1 → 0 %, while the mean of percentages is +25 %
    const s = summarizeOverheads([computeOverhead([2], [1], "lower"), computeOverhead([1], [2], "lower")]);
    expect(s.overhead).toBeCloseTo(0, 12);
    expect(s.ciLow).toBeNull();
  });

  it("propagates intervals when every part has one", () => {
    const a = computeOverhead([2, 8], [1, 1], "lower");
    const s = summarizeOverheads([a, a]);
    expect(s.overhead).toBeCloseTo(3, 12);
    expect(s.ciHigh! - s.overhead).toBeLessThan(a.ciHigh! - a.overhead);
  });
});
