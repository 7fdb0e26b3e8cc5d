import { describe, expect, it } from "vitest";
import { countCandidates, jitterNumbers, safeCandidates, seededRandom } from "./jitter";

const fixed = (value: number) => () => value;

describe("jitterNumbers", () => {
  it("scales decimals (keeping their places) and integers of 4+ digits; leaves versions, small integers and identifiers alone", () => {
    const text = "sysbench 1.0.20 threads: 4 iodepth=32 events/s: 1234.56 avg 0.81 ms bytes 1000 v2.5 x1.5";
    // random() = 0.5 gives noise factor 1, so only the bias applies.
    const out = jitterNumbers(text, { bias: 2, spread: 0.05, random: fixed(0.5) });
    expect(out).toBe("sysbench 1.0.20 threads: 4 iodepth=32 events/s: 2469.12 avg 1.62 ms bytes 2000 v2.5 x1.5");
    expect(countCandidates(text)).toBe(3);
  });

  it("changes only the candidates listed in `only`", () => {
    const out = jitterNumbers("a 1.5 b 2.5 c 3000", { bias: 2, spread: 0, random: fixed(0.5), only: new Set([1]) });
    expect(out).toBe("a 1.5 b 5.0 c 3000");
  });

  it("keeps noise within the spread", () => {
    const lo = jitterNumbers("100.0", { bias: 1, spread: 0.02, random: fixed(0) });
    const hi = jitterNumbers("100.0", { bias: 1, spread: 0.02, random: fixed(0.999999) });
    expect([lo, hi]).toEqual(["98.0", "102.0"]);
  });
});

describe("safeCandidates", () => {
  it("finds the numbers that may change by group testing", () => {
    // Candidates 0..4; a "parser" whose meaning breaks when 1 or 3 changes.
    const text = "1.1 2.2 3.3 4.4 5.5";
    let calls = 0;
    const safe = safeCandidates(text, (only) => {
      calls++;
      return !only.has(1) && !only.has(3);
    });
    expect([...safe].sort()).toEqual([0, 2, 4]);
    expect(calls).toBeLessThan(10);
  });
});

describe("seededRandom", () => {
  it("is deterministic per seed and stays in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });
});
