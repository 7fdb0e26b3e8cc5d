import { describe, expect, it } from "vitest";
import { headlineFindings } from "./findings";
import { overheadRowFor } from "@/test/overhead-row-fixture";

const row = (runtime: string, workload: string, direction: "higher" | "lower", values: number[], base: number[]) =>
  overheadRowFor({
    runtime,
    workload,
    direction,
    metric: direction === "higher" ? "requests_per_s" : "start_time",
    values,
    base,
  });

describe("headline findings", () => {
  it("phrases throughput and time ratios in plain words with n, largest effect first", () => {
    const f = headlineFindings(
      [
        row("runsc-ptrace", "nginx", "higher", [1770, 1770, 1770], [16800, 16800, 16800]),
        row("crun", "start", "lower", [20], [22]),
      ],
      "runc",
    );
    expect(f.map((x) => x.text)).toEqual([
      "gVisor (ptrace) reaches only 11 % of the requests_per_s of runc on nginx: requests_per_s −89.5 % (overhead +849 %), n = 3.",
      "crun needs 91 % of the start_time of runc on start: start_time −9.1 % (overhead −9.1 %), n = 1.",
    ]);
  });

  it("keeps one finding per runtime", () => {
    const rows = [row("runsc-ptrace", "a", "lower", [10], [1]), row("runsc-ptrace", "b", "lower", [5], [1])];
    expect(headlineFindings(rows, "runc")).toHaveLength(1);
  });
});
