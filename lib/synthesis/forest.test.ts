import { describe, expect, it } from "vitest";
import { forestPosition, forestScale } from "./forest";

describe("forest plot scale", () => {
  it("covers the values and 0 %, with ticks at whole doublings", () => {
    // +300 % is a ratio of 4 (log2 = 2), −50 % a ratio of 1/2 (log2 = −1).
    const scale = forestScale([300, -50, null]);
    expect(scale).toMatchObject({ min: -1, max: 2 });
    expect(scale.ticks.map((t) => t.pct)).toEqual([-50, 0, 100, 300]);
  });

  it("uses half doublings when the range is narrow, and always includes no overhead", () => {
    // +10 % and +40 %: log2 0.14 and 0.49, so the scale runs 0 to 0.5.
    const scale = forestScale([10, 40]);
    expect(scale).toMatchObject({ min: 0, max: 0.5 });
    expect(scale.ticks.map((t) => t.log2)).toEqual([0, 0.5]);
  });

  it("places values by their log ratio and clamps those beyond the scale", () => {
    const scale = forestScale([300, -50]);
    expect(forestPosition(scale, 0)).toBeCloseTo(1 / 3);
    expect(forestPosition(scale, 100)).toBeCloseTo(2 / 3);
    expect(forestPosition(scale, 10_000)).toBe(1);
  });
});
