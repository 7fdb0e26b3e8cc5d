import { describe, expect, it } from "vitest";
import { keepPrimaryMetrics, primaryMetricKeeper } from "./rows";

// A host's series as names only: fio measured both metrics under runc but only bandwidth under
// runsc (its headline then depends on the runtimes shown); sysbench the same metrics everywhere.
const series = [
  ["runc", "fio randread", "read_iops"],
  ["runc", "fio randread", "bandwidth"],
  ["runsc-ptrace", "fio randread", "bandwidth"],
  ["runc", "sysbench cpu", "events_per_s"],
  ["runc", "sysbench cpu", "latency_avg"],
  ["runsc-ptrace", "sysbench cpu", "events_per_s"],
  ["runsc-ptrace", "sysbench cpu", "latency_avg"],
  ["crun", "sysbench cpu", "events_per_s"],
  ["crun", "sysbench cpu", "latency_avg"],
].map(([runtime, workload, metric]) => ({ runtime: runtime!, workload: workload!, metric: metric! }));

const runtimeSubsets = (runtimes: string[]) =>
  Array.from({ length: 2 ** runtimes.length - 1 }, (_, i) => runtimes.filter((_, b) => (i + 1) & (1 << b)));

describe("primaryMetricKeeper", () => {
  const keep = primaryMetricKeeper(series);

  it("keeps what keepPrimaryMetrics keeps, for every subset of runtimes and every metric choice", () => {
    for (const subset of runtimeSubsets(["runc", "runsc-ptrace", "crun"]))
      for (const metric of [null, "bandwidth", "events_per_s"]) {
        const rows = series.filter((s) => subset.includes(s.runtime));
        expect(keep(rows, metric), `${subset.join(",")} ${metric}`).toEqual(keepPrimaryMetrics(rows, metric));
      }
  });

  it("picks a workload's headline from the runtimes shown when they measured different metrics", () => {
    const only = (runtimes: string[]) =>
      keep(
        series.filter((s) => runtimes.includes(s.runtime) && s.workload === "fio randread"),
        null,
      ).map((s) => `${s.runtime} ${s.metric}`);
    expect(only(["runsc-ptrace"])).toEqual(["runsc-ptrace bandwidth"]);
    expect(only(["runc", "runsc-ptrace"])).toEqual(["runc read_iops"]);
  });
});
