import { describe, expect, it } from "vitest";
import { computeOverhead, summarizeOverheads } from "./ratio";
import { readFileSync } from "node:fs";
import { fioParser } from "../parsers/fio/fio";
import { seriesMomentsOf } from "./moments";
import { summarizeSeries, tQuantile95 } from "./log-ratio";

describe("summarizeSeries", () => {
  it("gives the geometric mean and a t interval on log values, computable by hand", () => {
    // logs 0, 2, 4: mean 2, sd 2, t(0.975, 2) = 4.302653, half = 4.302653 * 2 / sqrt(3)
    const s = summarizeSeries(seriesMomentsOf([1, Math.E ** 2, Math.E ** 4]));
    expect(s).toMatchObject({ n: 3 });
    expect(s.geoMean).toBeCloseTo(Math.E ** 2, 10);
    expect(Math.log(s.ciLow!)).toBeCloseTo(2 - (4.302653 * 2) / Math.sqrt(3), 5);
    expect(Math.log(s.ciHigh!)).toBeCloseTo(2 + (4.302653 * 2) / Math.sqrt(3), 5);
    expect(tQuantile95(4)).toBeCloseTo(2.776445, 6);
  });

  it("keeps the interval of a series with a zero at or above 0, around its arithmetic mean", () => {
    // mean 2, sd 2: 2 − 4.302653 * 2 / sqrt(3) is below zero, and no measured quantity is
    const s = summarizeSeries(seriesMomentsOf([0, 2, 4]));
    expect(s).toMatchObject({ n: 3, mean: 2, sd: 2, geoMean: null, ciLow: 0 });
    expect(s.ciHigh).toBeCloseTo(2 + (4.302653 * 2) / Math.sqrt(3), 5);
  });

  it("never reaches below zero on real data: crun's fio read bs=1m read_iops in the bundled dataset", () => {
    // Three repetitions far apart (issue 20 saw "-214 ops/s to 3.18 k ops/s" in the absolute view).
    const values = [1, 2, 3].map((rep) => {
      const file = `data/bundled/crun/fio-read-1m-rep${rep}.json`;
      const samples = fioParser.parse(readFileSync(file, "utf8"), { fileName: file }).samples;
      return samples.find((x) => x.metric === "read_iops")!.value;
    });
    const s = summarizeSeries(seriesMomentsOf(values));
    expect(s.n).toBe(3);
    expect(s.ciLow).toBeGreaterThan(0);
    expect(s.ciLow!).toBeLessThan(s.geoMean!);
    expect(s.ciHigh!).toBeGreaterThan(Math.max(...values));
  });

  it("says there is no interval when n = 1", () => {
    expect(summarizeSeries(seriesMomentsOf([7]))).toEqual({
      n: 1,
      mean: 7,
      sd: null,
      geoMean: 7,
      ciLow: null,
      ciHigh: null,
    });
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
