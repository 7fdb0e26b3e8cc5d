import { describe, expect, it } from "vitest";
import { summarizeHost, type HostSeries } from "./host-summary";
import { keepPrimaryMetrics } from "./rows";

// A host's series: fio measured both metrics under runc but only bandwidth under runsc (its
// headline then depends on the runtimes shown); sysbench the same metrics everywhere.
const series: HostSeries[] = [
  ["runc", "fio randread", "read_iops"],
  ["runc", "fio randread", "bandwidth"],
  ["runsc-ptrace", "fio randread", "bandwidth"],
  ["runc", "sysbench cpu", "events_per_s"],
  ["runc", "sysbench cpu", "latency_avg"],
  ["runsc-ptrace", "sysbench cpu", "events_per_s"],
  ["runsc-ptrace", "sysbench cpu", "latency_avg"],
  ["crun", "sysbench cpu", "events_per_s"],
  ["crun", "sysbench cpu", "latency_avg"],
].map(([runtime, workload, metric], i) => ({
  id: 100 + i,
  runtime: runtime!,
  version: null,
  variant: null,
  workload: workload!,
  category: workload!.startsWith("fio") ? "disk" : "cpu",
  tool: workload!.split(" ")[0]!,
  metric: metric!,
  unit: "count",
  direction: "higher",
  moments: { value: { n: 3, mean: 10 + i, m2: 0.5 * i }, log: { n: 3, mean: Math.log(10 + i), m2: 0.001 * i } },
}));

const runtimeSubsets = (runtimes: string[]) =>
  Array.from({ length: 2 ** runtimes.length - 1 }, (_, i) => runtimes.filter((_, b) => (i + 1) & (1 << b)));

describe("summarizeHost", () => {
  const host = summarizeHost(series);

  it("selects what filtering the whole list and keepPrimaryMetrics keep, for every runtime subset, workload and metric", () => {
    for (const runtimes of runtimeSubsets(["runc", "runsc-ptrace", "crun"]))
      for (const workloads of [[], ["fio randread"], ["sysbench cpu", "fio randread"], ["unknown"]])
        for (const metric of [null, "bandwidth", "events_per_s", "unknown"]) {
          const rows = series.filter(
            (s) => runtimes.includes(s.runtime) && (workloads.length === 0 || workloads.includes(s.workload)),
          );
          const asked = { runtimes, workloads, metric, baseline: runtimes[0]! };
          expect(host.select(asked), JSON.stringify(asked)).toEqual(keepPrimaryMetrics(rows, metric));
        }
  });

  it("picks a workload's headline from the runtimes shown when they measured different metrics", () => {
    const only = (runtimes: string[]) =>
      host
        .select({ runtimes, workloads: ["fio randread"], metric: null, baseline: runtimes[0]! })
        .map((s) => `${s.runtime} ${s.metric}`);
    expect(only(["runsc-ptrace"])).toEqual(["runsc-ptrace bandwidth"]);
    expect(only(["runc", "runsc-ptrace"])).toEqual(["runc read_iops"]);
  });

  it("adds the baseline to a runtime list, and hands out one object per series", () => {
    const asked = { runtimes: ["crun"], workloads: [], metric: null, baseline: "runc" };
    const picked = host.select(asked);
    expect(new Set(picked.map((s) => s.runtime))).toEqual(new Set(["crun", "runc"]));
    expect(host.select(asked)[0]).toBe(picked[0]);
  });

  it("with keep: false, makes the series it has not kept for that call only", () => {
    const fresh = summarizeHost(series);
    const asked = { runtimes: ["runsc-ptrace"], workloads: ["sysbench cpu"], metric: null, baseline: "runsc-ptrace" };
    const once = fresh.select(asked, { keep: false });
    const again = fresh.select(asked, { keep: false });
    expect(again).toEqual(once);
    expect(again[0]).not.toBe(once[0]);
    const kept = fresh.select(asked);
    expect(kept).toEqual(once);
    expect(kept[0]).not.toBe(once[0]);
    expect(fresh.select(asked, { keep: false })[0]).toBe(kept[0]);
  });

  it("lists the first series of every runtime, workload and metric, and the runtimes in order", () => {
    expect(host.representatives.map((s) => s.id)).toEqual([100, 101, 102, 103, 104, 107]);
    expect(host.runtimes).toEqual(["runc", "runsc-ptrace", "crun"]);
    expect(host.size).toBe(series.length);
  });
});
