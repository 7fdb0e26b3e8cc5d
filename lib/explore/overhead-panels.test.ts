import { describe, expect, it } from "vitest";
import { legendRuntimes, locateMark, openGroups, positionedMarks, toCategoryGroups } from "./overhead-panels";
import type { OverheadViewRow } from "./rows";

function row(
  runtime: string,
  workload: string,
  category: string,
  overheadPct: number,
  extra: Partial<OverheadViewRow> = {},
) {
  return {
    runtime,
    version: null,
    variant: null,
    workload,
    category,
    metric: "ops",
    unit: "ops/s",
    direction: "higher",
    n: 3,
    baselineN: 3,
    mean: 1,
    sd: 0.1,
    baselineMean: 1,
    overheadPct,
    ciLowPct: overheadPct - 5,
    ciHighPct: overheadPct + 5,
    sourceFileIds: [1],
    ...extra,
  } as OverheadViewRow;
}

describe("toCategoryGroups", () => {
  const rows = [
    row("runsc-ptrace", "fio randread", "disk", 300, { version: "0.0~20221219.0" }),
    row("runsc-ptrace", "fio randread", "disk", 250, { version: "0.0~20240101.0" }),
    row("crun", "fio randread", "disk", 5),
    row("crun", "sysbench cpu", "cpu", 1),
    row("runsc-ptrace", "sysbench cpu", "cpu", 2),
    row("crun", "fio seqread", "disk", -20, { ciLowPct: null, ciHighPct: null, n: 1 }),
  ];
  const groups = toCategoryGroups(rows, ["runc", "crun", "runsc-ptrace"]);

  it("groups workload panels by category in the usual category order, runtimes in the given order", () => {
    expect(groups.map((g) => g.category)).toEqual(["cpu", "disk"]);
    expect(groups[1]!.panels.map((p) => p.workload)).toEqual(["fio randread", "fio seqread"]);
    expect(groups[0]!.panels[0]!.marks.map((m) => m.runtime)).toEqual(["crun", "runsc-ptrace"]);
  });

  it("labels runtimes short, with the version only where two series would read the same; the tooltip has it", () => {
    const marks = groups[1]!.panels[0]!.marks;
    expect(marks.map((m) => m.label)).toEqual([
      "crun",
      "gVisor (ptrace) 0.0~20221219.0",
      "gVisor (ptrace) 0.0~20240101.0",
    ]);
    expect(groups[0]!.panels[0]!.marks[1]!.label).toBe("gVisor (ptrace)");
    expect(marks[1]!.title).toContain("0.0~20221219.0");
    expect(marks[1]!.title).toContain("n = 3 vs 3");
  });

  it("puts interval ends on the log axis, none for n = 1, and a category axis that holds every whisker", () => {
    const single = groups[1]!.panels[1]!.marks[0]!;
    expect(single.low).toBeNull();
    const big = groups[1]!.panels[0]!.marks[1]!;
    expect(big.log2Ratio).toBeCloseTo(2);
    expect(big.high).toBeCloseTo(Math.log2(4.05));
    expect(groups[1]!.axis.max).toBeGreaterThanOrEqual(big.high!);
    expect(groups[1]!.axis.min).toBeLessThanOrEqual(single.log2Ratio);
  });
});

describe("positionedMarks and locateMark", () => {
  const groups = toCategoryGroups(
    [
      row("crun", "sysbench cpu", "cpu", 1),
      row("runsc-ptrace", "sysbench cpu", "cpu", 2),
      row("runsc-ptrace", "fio randread", "disk", 300),
      row("crun", "fio seqread", "disk", -20),
      row("runsc-ptrace", "fio seqread", "disk", 40),
    ],
    ["runc", "crun", "runsc-ptrace"],
  );
  const placed = positionedMarks(groups);

  it("puts each panel on a row and each runtime series in one column across panels", () => {
    expect(placed.map((p) => [p.mark.workload, p.mark.runtime, p.position.row, p.position.col])).toEqual([
      ["sysbench cpu", "crun", 0, 0],
      ["sysbench cpu", "runsc-ptrace", 0, 1],
      // A panel without crun keeps gVisor in gVisor's column, so ↑↓ stay on gVisor.
      ["fio randread", "runsc-ptrace", 1, 1],
      ["fio seqread", "crun", 2, 0],
      ["fio seqread", "runsc-ptrace", 2, 1],
    ]);
  });

  it("finds the category and panel a bar is drawn in, and null for a key of another view", () => {
    expect(locateMark(groups, placed[3]!.mark.key)).toEqual({ group: 1, panel: 1 });
    expect(locateMark(groups, "nope")).toBeNull();
  });
});

describe("legendRuntimes", () => {
  it("lists each runtime once in the given order, unknown ones last", () => {
    const legend = legendRuntimes(
      [{ runtime: "zzz" }, { runtime: "crun" }, { runtime: "runc" }, { runtime: "crun" }],
      ["runc", "crun"],
    );
    expect(legend.map((l) => l.runtime)).toEqual(["runc", "crun", "zzz"]);
  });
});

describe("openGroups", () => {
  it("opens the first category however large, then those that fit in what is left", () => {
    const g = (n: number) => ({ panels: Array.from({ length: n }) });
    expect(openGroups([g(30), g(2)], 24)).toEqual([true, false]);
    expect(openGroups([g(10), g(20), g(4)], 24)).toEqual([true, false, true]);
  });
});
