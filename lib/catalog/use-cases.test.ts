import { describe, expect, it } from "vitest";
import { isCategory } from "@/lib/categories";
import { isIsolationStrength } from "./isolation";
import { USE_CASE_IDS } from "./use-case-ids";
import { USE_CASES, weightsParamSchema, weightsSchema } from "./use-cases";
import { formatWeights, parseWeights, type Weights } from "./weights";

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
});
