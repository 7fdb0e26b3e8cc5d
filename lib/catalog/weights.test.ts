import { describe, expect, it } from "vitest";
import { CATEGORIES } from "@/lib/categories";
import { WeightsParseError, formatWeights, normalizeWeights, parseWeights, type Weights } from "./weights";

describe("parseWeights", () => {
  it("parses the URL form", () => {
    expect(parseWeights("cpu:1,disk:2")).toEqual({ cpu: 1, disk: 2 });
    expect(parseWeights(" web : 3 , network:0.5 ,syscall:0 ")).toEqual({ web: 3, network: 0.5, syscall: 0 });
    expect(parseWeights("footprint:.25")).toEqual({ footprint: 0.25 });
  });

  it("round-trips", () => {
    const w: Weights = { cpu: 1, disk: 2, startup: 0.5, footprint: 0 };
    const s = formatWeights(w);
    expect(s).toBe("cpu:1,disk:2,startup:0.5,footprint:0");
    expect(parseWeights(s)).toEqual(w);
    expect(formatWeights(parseWeights(s))).toBe(s);
  });

  it("formats categories in canonical order", () => {
    expect(formatWeights({ database: 1, cpu: 2 })).toBe("cpu:2,database:1");
    expect(CATEGORIES[0]).toBe("cpu");
  });

  it.each([
    ["cpux:1", /unknown category "cpux"/],
    ["cpu:1,gpu:2", /unknown category "gpu" in "gpu:2"/],
    ["cpu:abc", /weight for "cpu" is not a number: "abc"/],
    ["cpu:", /weight for "cpu" is not a number: ""/],
    ["cpu:1e3", /weight for "cpu" is not a number: "1e3"/],
    ["cpu:Infinity", /weight for "cpu" is not a number/],
    ["disk:-1", /weight for "disk" must not be negative, got "-1"/],
    ["cpu", /"cpu" is not category:weight/],
    ["cpu:1,,disk:2", /empty entry/],
    ["cpu:1,cpu:2", /category "cpu" is given more than once/],
    ["cpu:0,disk:0", /all weights .* are zero/],
    ["", /weights are empty/],
    ["   ", /weights are empty/],
  ])("rejects %j", (input, message) => {
    expect(() => parseWeights(input)).toThrow(WeightsParseError);
    expect(() => parseWeights(input)).toThrow(message);
  });

  it("rejects very long input", () => {
    expect(() => parseWeights("cpu:1,".repeat(200))).toThrow(/longer than/);
  });
});

describe("normalizeWeights", () => {
  it("scales to a sum of one and drops zeros", () => {
    expect(normalizeWeights({ cpu: 1, disk: 3, memory: 0 })).toEqual({ cpu: 0.25, disk: 0.75 });
    expect(() => normalizeWeights({ cpu: 0 })).toThrow(RangeError);
  });
});
