import { describe, expect, it } from "vitest";
import { isSetApart } from "./ranked";
import { explainRow, rankRuntimes } from "./ranking";
import { valueChangePct } from "../overhead/value-change";
import { overheadRowFor } from "@/test/overhead-row-fixture";

const row = (
  runtime: string,
  category: string,
  workload: string,
  direction: "higher" | "lower",
  values: number[],
  base: number[],
) =>
  overheadRowFor({
    runtime,
    workload,
    category,
    direction,
    metric: direction === "higher" ? "requests_per_s" : "wall_time",
    values,
    base,
  });

describe("use-case ranking", () => {
  // runsc: web twice as slow (ratio 2), cpu equal (ratio 1); kata: web ratio 1.25, cpu ratio 1.25.
  const rows = [
    row("runsc-ptrace", "web", "nginx", "higher", [500], [1000]),
    row("runsc-ptrace", "cpu", "sysbench cpu", "higher", [100], [100]),
    row("kata-qemu", "web", "nginx", "higher", [800], [1000]),
    row("kata-qemu", "cpu", "sysbench cpu", "higher", [80], [100]),
  ];

  it("weights categories in a geometric mean, so changing weights changes the order", () => {
    const webHeavy = rankRuntimes(rows, { web: 3, cpu: 1 }, "runc");
    // runsc: 2^(3/4) = 1.68; kata: 1.25 → kata first
    expect(webHeavy.map((r) => r.runtime)).toEqual(["runc", "kata-qemu", "runsc-ptrace"]);
    expect(webHeavy[0]).toMatchObject({ isBaseline: true, isolation: 1 });
    expect(webHeavy[2]!.overhead.overhead).toBeCloseTo(2 ** 0.75 - 1, 10);
    const cpuHeavy = rankRuntimes(rows, { web: 1, cpu: 9 }, "runc");
    // runsc: 2^(1/10) = 1.07; kata: 1.25 → runsc first
    expect(cpuHeavy.map((r) => r.runtime)).toEqual(["runc", "runsc-ptrace", "kata-qemu"]);
  });

  it("lists weighted categories without data and flags runtimes below the minimum isolation", () => {
    const ranked = rankRuntimes(
      [...rows, row("crun", "cpu", "sysbench cpu", "higher", [100], [100])],
      { cpu: 1, footprint: 2 },
      "runc",
      2,
    );
    const crun = ranked.find((r) => r.runtime === "crun")!;
    expect(crun).toMatchObject({ measured: ["cpu"], missing: ["footprint"], isolation: 1, belowMinIsolation: true });
    expect(ranked.find((r) => r.runtime === "kata-qemu")).toMatchObject({ isolation: 3, belowMinIsolation: false });
    expect(crun.pros.length).toBeGreaterThan(0);
  });

  it("sets apart runtimes lacking a required capability, with the catalog's reason, and keeps ranking them", () => {
    const gpuRows = [
      row("firecracker", "cpu", "sysbench cpu", "higher", [100], [100]),
      row("runsc-systrap", "cpu", "sysbench cpu", "higher", [90], [100]),
      row("kata-qemu", "cpu", "sysbench cpu", "higher", [80], [100]),
    ];
    const ranked = rankRuntimes(gpuRows, { cpu: 1 }, "runc", undefined, ["gpu"]);
    // Firecracker is cheapest here, and still ranked first among the sandboxes: set apart, not dropped.
    expect(ranked.map((r) => r.runtime)).toEqual(["runc", "firecracker", "runsc-systrap", "kata-qemu"]);
    const firecracker = ranked.find((r) => r.runtime === "firecracker")!;
    expect(isSetApart(firecracker)).toBe(true);
    expect(firecracker.unmet).toEqual([
      { capability: "gpu", reason: expect.stringMatching(/^GPU and accelerators: No VFIO or GPU passthrough/) },
    ]);
    for (const ok of ["runsc-systrap", "kata-qemu", "runc"]) {
      expect(ranked.find((r) => r.runtime === ok)!.unmet, ok).toEqual([]);
    }
    expect(rankRuntimes(gpuRows, { cpu: 1 }, "runc").every((r) => !isSetApart(r))).toBe(true);
  });

  it("explains ranks with the measured value change and its overhead (decision 010)", () => {
    const nginx = row("runsc-ptrace", "web", "nginx", "higher", [1770, 1770, 1770], [16800, 16800, 16800]);
    expect(valueChangePct(nginx)).toBeCloseTo(-89.46, 2);
    expect(explainRow(nginx, "runc")).toBe(
      "gVisor (ptrace): nginx requests_per_s −89.5 % (overhead +849 %) against runc, n = 3",
    );
    expect(rankRuntimes(rows, { web: 1 }, "runc")[2]!.explanations[0]!.text).toBe(
      "gVisor (ptrace): nginx requests_per_s −50.0 % (overhead +100 %) against runc, n = 1",
    );
  });
});
