import { describe, expect, it } from "vitest";
import { combineLogRatios, sumLogRatios } from "./log-ratio";

describe("sumLogRatios", () => {
  it("chains ratios: log ratios and variances add, with Satterthwaite's df", () => {
    // 0.4 + 0.3 = 0.7; 0.01 + 0.03 = 0.04; df = 0.04² / (0.01²/4 + 0.03²/9) = 0.0016 / 0.000125 = 12.8
    const sum = sumLogRatios([
      { logRatio: 0.4, variance: 0.01, df: 4 },
      { logRatio: 0.3, variance: 0.03, df: 9 },
    ]);
    expect(sum.logRatio).toBeCloseTo(0.7, 12);
    expect(sum.variance).toBeCloseTo(0.04, 12);
    expect(sum.df).toBeCloseTo(12.8, 10);
  });

  it("has no variance when a part has none, and infinite df when every part is exact", () => {
    expect(
      sumLogRatios([
        { logRatio: 1, variance: null, df: null },
        { logRatio: 2, variance: 0.1, df: 3 },
      ]),
    ).toEqual({
      logRatio: 3,
      variance: null,
      df: null,
    });
    expect(sumLogRatios([{ logRatio: 1, variance: 0.1, df: Infinity }]).df).toBe(Infinity);
  });
});

describe("combineLogRatios", () => {
  it("is the weighted mean with variance Σ(wᵢ/W)²·varᵢ", () => {
    // shares 3/4 and 1/4: 0.75·0.4 + 0.25·0.8 = 0.5; 0.5625·0.04 + 0.0625·0.16 = 0.0325
    const mean = combineLogRatios(
      [
        { logRatio: 0.4, variance: 0.04, df: 10 },
        { logRatio: 0.8, variance: 0.16, df: 10 },
      ],
      [3, 1],
    );
    expect(mean.logRatio).toBeCloseTo(0.5, 12);
    expect(mean.variance).toBeCloseTo(0.0325, 12);
  });
});
