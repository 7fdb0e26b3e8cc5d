import { describe, expect, it } from "vitest";
import { overheadRowFor } from "@/test/overhead-row-fixture";
import { fromColumns, toOverheadColumns } from "./rows";
import { narrowView, otherView, summarizeSkipped, type ExploreView } from "./view";
import type { SeriesStats } from "../overhead/rows";
import type { Filters } from "../search-params";

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

describe("narrowView", () => {
  const row = (runtime: string, workload: string) => ({
    ...overheadRowFor({ runtime, workload, direction: "lower", metric: "time", values: [2], base: [1] }),
    sourceFileIds: [1],
  });
  const filters: Filters = {
    dataset: "d",
    host: "h",
    runtime: [],
    workload: [],
    metric: null,
    baseline: "runc",
    view: "overhead",
    asof: null,
    case: null,
    weights: null,
    require: null,
  };
  const skipped = { count: 1, reasons: ["no baseline"], example: { runtime: "kata", workload: "fio" } };
  const overhead: ExploreView = {
    filters,
    body: { kind: "overhead", columns: toOverheadColumns([row("crun", "fio"), row("runsc-kvm", "fio")]), skipped },
  };

  it("cuts the overhead view's rows to narrower runtimes, with the narrower filters and the same skipped summary", () => {
    const narrowed = narrowView(overhead, { runtime: ["crun"], workload: [] });
    expect(narrowed?.filters).toEqual({ ...filters, runtime: ["crun"] });
    expect(narrowed?.body.kind === "overhead" && fromColumns(narrowed.body.columns).map((r) => r.runtime)).toEqual([
      "crun",
    ]);
    expect(narrowed?.body.kind === "overhead" && narrowed.body.skipped).toBe(skipped);
  });

  it("is null for wider filters and for views without rows to cut", () => {
    expect(narrowView({ ...overhead, filters: { ...filters, runtime: ["crun"] } }, { runtime: [], workload: [] })).toBe(
      null,
    );
    const absolute: ExploreView = { filters, body: { kind: "absolute", series: [], totalPanels: 0 } };
    expect(narrowView(absolute, { runtime: ["crun"], workload: [] })).toBeNull();
  });
});
