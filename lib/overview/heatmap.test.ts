import { describe, expect, it } from "vitest";
import { contrastRatio, heatColor, heatTextColor, toHeatmap } from "./heatmap";
import { overheadRowFor } from "@/test/overhead-row-fixture";

describe("toHeatmap", () => {
  it("gives each runtime one cell per category: the geometric mean of its workloads' ratios", () => {
    const rows = [
      overheadRowFor({
        runtime: "runsc-ptrace",
        workload: "a",
        category: "web",
        direction: "lower",
        metric: "t",
        values: [4],
        base: [1],
      }),
      overheadRowFor({
        runtime: "runsc-ptrace",
        workload: "b",
        category: "web",
        direction: "lower",
        metric: "t",
        values: [1],
        base: [1],
      }),
      overheadRowFor({
        runtime: "runsc-ptrace",
        workload: "c",
        category: "cpu",
        direction: "lower",
        metric: "t",
        values: [1],
        base: [1],
      }),
      overheadRowFor({
        runtime: "crun",
        workload: "a",
        category: "web",
        direction: "lower",
        metric: "t",
        values: [1],
        base: [2],
      }),
    ];
    const map = toHeatmap(rows);
    expect(map.categories).toEqual(["cpu", "web"]);
    expect(map.rows.map((r) => r.runtime)).toEqual(["crun", "runsc-ptrace"]);
    const gvisor = map.rows[1]!;
    // √(4 · 1) = 2 → +100 %, from 2 workloads with n = 1
    expect(gvisor.cells.web).toMatchObject({ workloads: 2, minN: 1, ciLowPct: null });
    expect(gvisor.cells.web!.overheadPct).toBeCloseTo(100, 10);
    expect(gvisor.cells.cpu!.overheadPct).toBeCloseTo(0, 10);
    expect(map.rows[0]!.cells.cpu).toBeUndefined();
    expect(map.rows[0]!.cells.web!.overheadPct).toBeCloseTo(-50, 10);
  });
});

describe("heatTextColor", () => {
  it("keeps every cell's text at AA contrast (4.5:1) across the whole scale", () => {
    for (let pct = -95; pct <= 2_000; pct += 1) {
      const ratio = contrastRatio(heatTextColor(pct), heatColor(pct));
      expect(ratio, `${pct} %`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
