import { describe, expect, it } from "vitest";
import {
  forestFinding,
  meansFinding,
  overheadFactOf,
  overheadFinding,
  overheadMarkLabel,
  tradeoffFinding,
  type OverheadFact,
} from "./chart-findings";

const fact = (
  subject: string,
  on: string,
  pct: number,
  low: number | null,
  high: number | null,
  n = 5,
): OverheadFact => ({
  subject,
  on,
  pct,
  lowPct: low,
  highPct: high,
  evidence: `n = ${n} against 5`,
  n,
  baselineN: 5,
});

describe("overheadFinding", () => {
  it("names the largest and the smallest overhead with their intervals and evidence", () => {
    const text = overheadFinding(
      [
        fact("crun", "cpu", -1.5, -3, 0.2),
        fact("gVisor (ptrace)", "network", 493, 400, 600),
        fact("Kata", "disk", 20, 10, 30),
      ],
      "runc",
    );
    expect(text).toBe(
      "gVisor (ptrace) costs most on network: overhead +493 %, its 95 % interval +400 % to +600 %, against runc; n = 5 against 5. " +
        "Least: crun on cpu, overhead −1.5 %, its 95 % interval −3.0 % to +0.2 %; n = 5 against 5. 3 values in all.",
    );
  });

  it("says when a value has no interval for want of repetitions", () => {
    expect(overheadFinding([fact("gVisor", "startup", 250, null, null, 1)], "runc")).toBe(
      "gVisor costs most on startup: overhead +250 %, n = 1, no interval, against runc; n = 1 against 5.",
    );
  });

  it("says there is nothing rather than inventing a finding", () => {
    expect(overheadFinding([], "runc")).toBe("No overhead against runc to show.");
  });
});

describe("meansFinding", () => {
  const means = [
    { subject: "runc", mean: 2e9, n: 5 },
    { subject: "gVisor", mean: 3.1e8, n: 4 },
    { subject: "crun", mean: 2.1e9, n: 5 },
  ];
  it("ranks by the metric's direction", () => {
    expect(meansFinding(means, "bytes_per_s", "higher")).toMatch(
      /^Best geometric mean: crun, .* \(n = 5\); worst: gVisor, .* \(n = 4\); higher is better\. 3 runtimes\.$/,
    );
    expect(meansFinding(means, "bytes_per_s", "lower")).toMatch(/^Best geometric mean: gVisor, .*; worst: crun, /);
  });
});

describe("tradeoffFinding", () => {
  it("names the least and most weighted overhead with the isolation level", () => {
    expect(
      tradeoffFinding([
        { subject: "crun", pct: 1, isolation: "shared kernel" },
        { subject: "gVisor", pct: 420, isolation: "user-space kernel" },
        { subject: "odd", pct: 30, isolation: null },
      ]),
    ).toBe(
      "Least weighted overhead: crun, +1.0 % (shared kernel); most: gVisor, +420 % (user-space kernel). 3 runtimes.",
    );
  });
});

describe("overheadMarkLabel", () => {
  it("reads a row as one sentence: the value's change, then its overhead (decision 010), its interval and counts", () => {
    const row = {
      label: "Kata",
      workload: "fio randread",
      metric: "read_iops",
      direction: "higher" as const,
      overheadPct: 20,
      ciLowPct: 10,
      ciHighPct: 30,
      n: 3,
      baselineN: 4,
    };
    expect(overheadMarkLabel(overheadFactOf(row))).toBe(
      "Kata · fio randread: read_iops −16.7 % (overhead +20.0 %), its 95 % interval +10.0 % to +30.0 %; n = 3 against 4",
    );
  });
});

describe("forestFinding", () => {
  it("states the pooled value with its interval and the studies' spread", () => {
    expect(forestFinding({ label: "Pooled, k = 2", pct: 120, lowPct: 80, highPct: 170 }, [60, 210, 100])).toBe(
      "Pooled, k = 2: +120 % (95 % interval +80.0 % to +170 %); the 3 studies range from +60.0 % to +210 %.",
    );
  });
  it("says when nothing is pooled", () => {
    expect(forestFinding(null, [40])).toBe("Nothing pooled; one study, at +40.0 %.");
  });
});
