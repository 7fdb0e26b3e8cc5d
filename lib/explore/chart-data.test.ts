import { describe, expect, it } from "vitest";
import { absoluteMarks, firstPanels } from "./chart-data";

describe("firstPanels", () => {
  it("keeps every series of the first panels in workload, then metric order, and counts them all", () => {
    const series = [
      { runtime: "runc", workload: "b", metric: "x" },
      { runtime: "runsc", workload: "a", metric: "y" },
      { runtime: "runc", workload: "a", metric: "y" },
      { runtime: "runc", workload: "a", metric: "x" },
      { runtime: "runc", workload: "c", metric: "x" },
    ];
    const { shown, total } = firstPanels(series, 2);
    expect(total).toBe(4);
    expect(shown.map((s) => `${s.runtime} ${s.workload} ${s.metric}`)).toEqual(["runsc a y", "runc a y", "runc a x"]);
  });
});

describe("absoluteMarks", () => {
  it("lists each runtime's dots highest first, one column per runtime, labelled with value and mean", () => {
    const bar = (key: string, values: number[]) => ({
      key,
      label: key,
      runtime: key,
      color: "#000",
      mean: values.reduce((a, b) => a + b, 0) / values.length,
      error: null,
      n: values.length,
      points: values.map((value, i) => ({ value, repetition: i + 1, sourceFileId: 10 + i })),
    });
    const panel = {
      key: "w|m",
      workload: "w",
      metric: "m",
      unit: "ns",
      direction: "lower",
      bars: [bar("runc", [1e9, 3e9, 2e9]), bar("crun", [4e9])],
    };
    const marks = absoluteMarks(panel);
    expect(marks.map((m) => [m.key, m.position.row, m.position.col, m.sourceFileId])).toEqual([
      ["runc#2#1", 0, 0, 11],
      ["runc#3#2", 1, 0, 12],
      ["runc#1#0", 2, 0, 10],
      ["crun#1#0", 0, 1, 10],
    ]);
    expect(marks[0]!.label).toBe("runc, repetition 2: 3 s (mean 2 s, n = 3)");
  });
});
