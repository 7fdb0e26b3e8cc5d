import { describe, expect, it } from "vitest";
import { otherView, summarizeSkipped } from "./view";
import type { SeriesStats } from "../overhead/rows";

const series = (runtime: string, workload: string) => ({ runtime, workload }) as SeriesStats;

describe("summarizeSkipped", () => {
  it("is null when nothing was skipped", () => {
    expect(summarizeSkipped([])).toBeNull();
  });

  it("counts the skipped series, names each reason once and the first series as the example", () => {
    const summary = summarizeSkipped([
      { series: series("firecracker", "boot"), reason: "no baseline" },
      { series: series("qemu-kvm", "boot"), reason: "no baseline" },
      { series: series("runsc-kvm", "fio"), reason: "zero or negative values" },
    ]);
    expect(summary).toEqual({
      count: 3,
      reasons: ["no baseline", "zero or negative values"],
      example: { runtime: "firecracker", workload: "boot" },
    });
  });
});

describe("otherView", () => {
  it("is the view the radio switches to", () => {
    expect(otherView("overhead")).toBe("absolute");
    expect(otherView("absolute")).toBe("overhead");
  });
});
