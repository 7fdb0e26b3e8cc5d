import { describe, expect, it } from "vitest";
import { niceLogAxis } from "./log-axis";

const pctAt = (log2: number) => 2 ** log2 * 100 - 100;

describe("niceLogAxis", () => {
  it("ends at nice ticks beyond the data and labels them as round percentages, 0 included", () => {
    const axis = niceLogAxis(Math.log2(0.7), Math.log2(3.5));
    expect(axis.ticks.map((t) => t.label)).toEqual(["−50 %", "0", "+100 %", "+300 %"]);
    expect(axis.min).toBeCloseTo(-1);
    expect(axis.max).toBeCloseTo(2);
  });

  it("keeps evenly readable ticks over a wide range: never two crowded ones (the old +6,300 % then +25,500 %)", () => {
    const axis = niceLogAxis(0, Math.log2(256));
    const logs = axis.ticks.map((t) => t.log2);
    const gaps = logs.slice(1).map((t, i) => t - logs[i]!);
    expect(axis.ticks.length).toBeLessThanOrEqual(5);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual((axis.max - axis.min) / 4 - 1e-9);
    expect(axis.ticks.at(-1)!.label).toBe("+50,000 %");
    for (const t of axis.ticks.slice(1)) expect(Number(pctAt(t.log2).toFixed(6)) % 10).toBe(0);
  });

  it("leaves out an end's label that would crowd 0, but keeps the domain", () => {
    const axis = niceLogAxis(Math.log2(0.8), Math.log2(50));
    expect(axis.ticks.map((t) => t.label)).toEqual(["0", "+200 %", "+1,000 %", "+5,000 %"]);
    expect(axis.min).toBeCloseTo(Math.log2(0.75));
  });

  it("has the baseline at an end when every value is on one side", () => {
    expect(niceLogAxis(Math.log2(0.8), Math.log2(0.95)).ticks.map((t) => t.label)).toEqual(["−25 %", "−10 %", "0"]);
    expect(niceLogAxis(0.1, 0.2).ticks.map((t) => t.label)).toEqual(["0", "+10 %", "+25 %"]);
  });
});
