import { describe, expect, it } from "vitest";
import { headlineFindings } from "./findings";
import { computeOverhead } from "./overhead";
import type { OverheadRow } from "./overhead-rows";

function row(runtime: string, workload: string, direction: "higher" | "lower", values: number[], base: number[]): OverheadRow {
  const overhead = computeOverhead(values, base, direction);
  return {
    runtime, version: null, variant: null, workload, category: "web", metric: direction === "higher" ? "requests_per_s" : "start_time",
    unit: "ops_per_s", direction, n: values.length, mean: values[0]!, sd: null, baselineN: base.length, baselineMean: base[0]!,
    overheadPct: overhead.overhead * 100, ciLowPct: null, ciHighPct: null, overhead,
  };
}

describe("headline findings", () => {
  it("phrases throughput and time ratios in plain words with n, largest effect first", () => {
    const f = headlineFindings(
      [row("runsc-ptrace", "nginx", "higher", [1770, 1770, 1770], [16800, 16800, 16800]), row("crun", "start", "lower", [20], [22])],
      "runc",
    );
    expect(f.map((x) => x.text)).toEqual([
      "gVisor (ptrace) reaches only 11 % of the requests_per_s of runc on nginx (+849 %, n = 3).",
      "crun needs 91 % of the start_time of runc on start (−9.1 %, n = 1).",
    ]);
  });

  it("keeps one finding per runtime", () => {
    const rows = [row("runsc-ptrace", "a", "lower", [10], [1]), row("runsc-ptrace", "b", "lower", [5], [1])];
    expect(headlineFindings(rows, "runc")).toHaveLength(1);
  });
});
