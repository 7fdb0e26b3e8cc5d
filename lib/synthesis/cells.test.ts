import { describe, expect, it } from "vitest";
import { synthesisCell, toSynthesisHeatmap } from "./cells";
import type { SynthesisRow, SynthesisStudy } from "./synthesize";

function study(logRatio: number): SynthesisStudy {
  return {
    dataset: "d",
    host: "h",
    version: null,
    workloads: ["w"],
    n: 1,
    logRatio,
    variance: null,
    overheadPct: (Math.exp(logRatio) - 1) * 100,
    ciLowPct: null,
    ciHighPct: null,
    weight: null,
    indirect: false,
    via: null,
  };
}

function row(runtime: string, category: string, fields: Partial<SynthesisRow> = {}): SynthesisRow {
  return {
    runtime,
    variant: null,
    category,
    k: 1,
    pooledPct: 50,
    ciLowPct: 10,
    ciHighPct: 90,
    i2: null,
    tau2: null,
    indirect: false,
    leftOut: 0,
    studies: [study(Math.log(1.5))],
    estimate: null,
    ...fields,
  };
}

describe("synthesis cells", () => {
  it("show the pooled value and interval when studies were pooled", () => {
    expect(synthesisCell(row("kata-qemu", "startup"))).toMatchObject({
      overheadPct: 50,
      ciLowPct: 10,
      ciHighPct: 90,
      pooled: true,
      k: 1,
    });
  });

  it("show the geometric mean of n = 1 studies, unpooled and without an interval, when nothing was pooled", () => {
    // Ratios 2 and 8: geometric mean 4, so +300 %.
    const cell = synthesisCell(
      row("firecracker", "disk", {
        k: 0,
        pooledPct: null,
        ciLowPct: null,
        ciHighPct: null,
        leftOut: 2,
        studies: [study(Math.log(2)), study(Math.log(8))],
      }),
    );
    expect(cell.overheadPct).toBeCloseTo(300);
    expect(cell).toMatchObject({ pooled: false, ciLowPct: null, ciHighPct: null, studies: 2 });
  });

  it("lay runtimes out by category in the usual category order, variants as rows of their own", () => {
    const heatmap = toSynthesisHeatmap([
      row("runsc-ptrace", "startup"),
      row("runsc-ptrace", "cpu"),
      row("firecracker", "disk", { variant: "api" }),
    ]);
    expect(heatmap.categories).toEqual(["cpu", "disk", "startup"]);
    expect(heatmap.rows.map((r) => [r.runtime, r.variant, Object.keys(r.cells).sort()])).toEqual([
      ["runsc-ptrace", null, ["cpu", "startup"]],
      ["firecracker", "api", ["disk"]],
    ]);
  });
});
