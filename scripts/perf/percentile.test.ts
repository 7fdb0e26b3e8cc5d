import { describe, expect, it } from "vitest";
import { median, percentile } from "./percentile";

describe("percentile (nearest rank)", () => {
  it("returns measured values only", () => {
    const v = [15, 20, 35, 40, 50];
    expect(percentile(v, 30)).toBe(20);
    expect(percentile(v, 40)).toBe(20);
    expect(percentile(v, 50)).toBe(35);
    expect(percentile(v, 100)).toBe(50);
    expect(percentile(v, 0)).toBe(15);
  });

  it("p99 of 100 values is the 99th smallest, whatever the input order", () => {
    const v = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(v, 99)).toBe(99);
    expect(median(v)).toBe(50);
  });

  it("rejects empty input and out-of-range p", () => {
    expect(() => percentile([], 50)).toThrow(/no values/);
    expect(() => percentile([1], 101)).toThrow(/\[0, 100\]/);
  });
});
