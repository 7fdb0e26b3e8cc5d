import { describe, expect, it } from "vitest";
import { CATEGORIES, isCategory } from "@/lib/categories";
import { isIsolationStrength } from "./isolation";
import {
  USE_CASES,
  USE_CASE_IDS,
  WeightsParseError,
  formatWeights,
  normalizeWeights,
  parseWeights,
  weightsParamSchema,
  weightsSchema,
  type Weights,
} from "./use-cases";

describe("use cases", () => {
  it("defines the six use cases from domain.md, keyed by id", () => {
    expect(USE_CASE_IDS).toHaveLength(6);
    expect(Object.keys(USE_CASES).sort()).toEqual([...USE_CASE_IDS].sort());
    for (const id of USE_CASE_IDS) expect(USE_CASES[id].id).toBe(id);
  });

  it.each(USE_CASE_IDS)("%s: weights are known categories, finite, non-negative, not all zero", (id) => {
    const weights: Weights = USE_CASES[id].weights;
    const entries = Object.entries(weights);
    expect(entries.length).toBeGreaterThan(0);
    for (const [category, w] of entries) {
      expect(isCategory(category), category).toBe(true);
      expect(Number.isFinite(w), category).toBe(true);
      expect(w, category).toBeGreaterThanOrEqual(0);
    }
    expect(entries.some(([, w]) => w > 0)).toBe(true);
    expect(weightsSchema.safeParse(weights).success).toBe(true);
  });

  it.each(USE_CASE_IDS)("%s: has title, summary, why, and sensible hints and minimum isolation", (id) => {
    const u = USE_CASES[id];
    for (const field of [u.title, u.summary, u.why]) expect(field.trim().length).toBeGreaterThan(5);
    const hints: Partial<Record<string, readonly string[]>> = "metricHints" in u ? u.metricHints : {};
    for (const [category, names] of Object.entries(hints)) {
      expect(isCategory(category), category).toBe(true);
      for (const n of names ?? []) expect(n).toMatch(/^[a-z0-9_]+$/);
    }
    if ("minIsolation" in u) expect(isIsolationStrength(u.minIsolation)).toBe(true);
  });

  it("weights of every built-in case round-trip through the URL form", () => {
    for (const id of USE_CASE_IDS) {
      const weights: Weights = USE_CASES[id].weights;
      const back = parseWeights(formatWeights(weights));
      expect(back).toEqual(weights);
    }
  });
});

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

describe("weight schemas", () => {
  it("weightsParamSchema turns the URL form into weights, or an issue naming the bad part", () => {
    expect(weightsParamSchema.parse("memory:2")).toEqual({ memory: 2 });
    const bad = weightsParamSchema.safeParse("memory:2,vram:1");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/unknown category "vram"/);
  });

  it("weightsSchema rejects unknown categories, negatives and all-zero objects", () => {
    expect(weightsSchema.safeParse({ cpu: 1 }).success).toBe(true);
    expect(weightsSchema.safeParse({ gpu: 1 }).success).toBe(false);
    expect(weightsSchema.safeParse({ cpu: -1 }).success).toBe(false);
    expect(weightsSchema.safeParse({ cpu: 0 }).success).toBe(false);
    expect(weightsSchema.safeParse({ cpu: Number.POSITIVE_INFINITY }).success).toBe(false);
  });

  it("normalizeWeights scales to a sum of one and drops zeros", () => {
    expect(normalizeWeights({ cpu: 1, disk: 3, memory: 0 })).toEqual({ cpu: 0.25, disk: 0.75 });
    expect(() => normalizeWeights({ cpu: 0 })).toThrow(RangeError);
  });
});
