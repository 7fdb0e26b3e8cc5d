import { describe, expect, it } from "vitest";
import { toHeatmap } from "../overview/heatmap";
import { toStudies } from "./studies";
import { overheadRowFor, overheadRowOf } from "@/test/overhead-row-fixture";

const source = { dataset: "d", host: "h", reference: "runc" };

/** gVisor's row of a workload from raw times (lower is better). */
const gvisor = (workload: string, values: number[], base: number[], category = "web") =>
  overheadRowFor({ runtime: "runsc-ptrace", workload, category, direction: "lower", metric: "t", values, base });

describe("toStudies", () => {
  it("makes one study per runtime configuration and category, with the heatmap cell's effect", () => {
    const rows = [gvisor("a", [4, 5], [1, 1.1]), gvisor("b", [2, 2.4], [1, 1.2]), gvisor("c", [1], [1], "cpu")];
    const studies = toStudies(rows, source);
    expect(studies.map((s) => [s.runtime, s.category, s.workloads, s.n])).toEqual([
      ["runsc-ptrace", "web", ["a", "b"], 2],
      ["runsc-ptrace", "cpu", ["c"], 1],
    ]);
    const cell = toHeatmap(rows).rows[0]!.cells.web!;
    const web = studies[0]!;
    expect((Math.exp(web.logRatio) - 1) * 100).toBeCloseTo(cell.overheadPct, 12);
    // the geometric mean of the two workloads' ratios; its variance is a quarter of theirs summed
    const [a, b] = rows.map((r) => r.overhead.estimate);
    expect(web.logRatio).toBeCloseTo((a!.logRatio + b!.logRatio) / 2, 12);
    expect(web.variance).toBeCloseTo((a!.variance! + b!.variance!) / 4, 12);
    expect(web).toMatchObject({ dataset: "d", host: "h", reference: "runc", bridge: null, version: null });
    expect(studies[1]).toMatchObject({ variance: null, df: null });
  });

  it("keeps versions apart and leaves out the reference runtime's own other versions", () => {
    const estimate = { logRatio: 0.1, variance: 0.01, df: 4 };
    const rows = [
      overheadRowOf({ runtime: "kata-qemu", version: "2.5", workload: "a" }, estimate),
      overheadRowOf({ runtime: "kata-qemu", version: "3.2", workload: "a" }, estimate),
      overheadRowOf({ runtime: "runc", version: "1.0", workload: "a" }, estimate),
    ];
    expect(toStudies(rows, source).map((s) => [s.runtime, s.version])).toEqual([
      ["kata-qemu", "2.5"],
      ["kata-qemu", "3.2"],
    ]);
  });
});
