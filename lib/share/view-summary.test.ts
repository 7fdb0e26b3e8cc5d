import { describe, expect, it } from "vitest";
import type { Selection } from "@/lib/explore/selection";
import { overheadRowFor } from "@/test/overhead-row-fixture";
import { summarizeView } from "./view-summary";

const selection: Selection = {
  dataset: "gvisor-website",
  host: "gvisor-website",
  runtimes: [],
  workloads: [],
  metric: null,
  baseline: "runc",
  view: "overhead",
  asof: 2,
};

// Throughput a ninth of runc's (ratio 9, overhead +800 %), a latency 10 % lower, one run each side.
const slow = overheadRowFor({
  runtime: "runsc-ptrace",
  workload: "nginx",
  direction: "higher",
  metric: "requests",
  values: [100, 100, 100],
  base: [900, 900, 900],
});
const faster = overheadRowFor({
  runtime: "crun",
  workload: "redis GET",
  direction: "lower",
  metric: "latency",
  values: [90],
  base: [100],
});

describe("summarizeView", () => {
  it("titles the view by the row that changed most, in the words of every page", () => {
    const s = summarizeView(selection, [faster, slow]);
    expect(s.title).toBe("gVisor (ptrace) against runc: nginx requests −88.9 % (overhead +800 %), n = 3");
    expect(s.description).toContain("2 runtimes on 2 workloads against runc.");
    expect(s.description).toContain("crun · redis GET latency −10.0 % (overhead −10.0 %)");
    expect(s.source).toBe("gvisor-website on gvisor-website, as of import #2");
  });

  it("draws bars largest change first, scaled by log ratio to the largest, and says n = 1", () => {
    const { bars } = summarizeView(selection, [faster, slow]);
    expect(bars.map((b) => b.label)).toEqual(["gVisor (ptrace) · nginx", "crun · redis GET"]);
    expect(bars[0]).toMatchObject({ value: "+800 %", count: "n = 3", extent: 1 });
    expect(bars[1]!.count).toBe("n = 1, no interval");
    // log2(0.9) / log2(9): a 10 % gain is a short bar to the left.
    expect(bars[1]!.extent).toBeCloseTo(Math.log2(0.9) / Math.log2(9), 10);
    // One runtime among the bars: the label is the workload alone.
    expect(summarizeView(selection, [faster, slow], 1).bars.map((b) => b.label)).toEqual(["nginx"]);
  });

  it("says when the view has no rows, and when it follows the latest import", () => {
    const s = summarizeView({ ...selection, asof: null }, []);
    expect(s.title).toBe("gvisor-website on gvisor-website: no rows against runc");
    expect(s.bars).toEqual([]);
    expect(s.source).toBe("gvisor-website on gvisor-website, latest import");
  });
});
