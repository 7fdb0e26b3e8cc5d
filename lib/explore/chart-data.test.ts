import { describe, expect, it } from "vitest";
import { firstPanels } from "./chart-data";

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
