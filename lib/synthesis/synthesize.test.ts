import { describe, expect, it } from "vitest";
import { SYNTHESIS_METHOD, synthesize } from "./synthesize";
import { hostFromRows, type DatasetRows } from "./studies";
import { tQuantile95 } from "../overhead/log-ratio";
import type { OverheadRow } from "../overhead/rows";
import { overheadRowOf, type EstimateSpec } from "@/test/overhead-row-fixture";

/** One row with a given log ratio and variance (null: n = 1). */
function row(
  runtime: string,
  category: string,
  logRatio: number,
  variance: number | null,
  spec: Partial<EstimateSpec> & { df?: number } = {},
): OverheadRow {
  const df = variance === null ? null : (spec.df ?? 10);
  return overheadRowOf(
    { runtime, category, workload: `${category}-bench`, n: variance === null ? 1 : 3, ...spec },
    { logRatio, variance, df },
  );
}

/** A dataset's host whose rows against each reference runtime are given; absent references have none. */
function host(dataset: string, against: Record<string, OverheadRow[]>): DatasetRows {
  return hostFromRows(
    { dataset, host: `${dataset}-host`, runtimes: Object.keys(against) },
    (reference) => against[reference] ?? null,
  );
}

const pct = (log: number) => (Math.exp(log) - 1) * 100;

/** runc and bare metal measured together (bare metal costs half of runc in cpu, with variance 0.02). */
const withRunc = (...more: OverheadRow[]) =>
  host("idlab", { runc: [row("bare-metal", "cpu", Math.log(2), 0.02, { df: 20 }), ...more], "bare-metal": [] });
/** No runc: firecracker against bare metal only (ratio 1.5, variance 0.01). */
const withoutRunc = host("firecracker-nsdi2020", {
  "bare-metal": [row("firecracker", "cpu", Math.log(1.5), 0.01)],
  firecracker: [],
});

describe("synthesize", () => {
  it("pools a runtime's studies across datasets, versions included, by random effects", () => {
    // the hand example of pool.test.ts: y = 0, 0.1, 0.5; v = 0.01, 0.01, 0.04 → τ² = 0.0225, I² = 0.6, μ = 1/7
    const result = synthesize(
      [
        host("a", { runc: [row("runsc-ptrace", "cpu", 0, 0.01), row("runc", "cpu", 0.3, 0.01, { version: "1.0" })] }),
        host("b", { runc: [row("runsc-ptrace", "cpu", 0.1, 0.01)] }),
        host("c", { runc: [row("runsc-ptrace", "cpu", 0.5, 0.04, { version: "20240101" })] }),
      ],
      { baseline: "runc" },
    );
    expect(result.baseline).toBe("runc");
    expect(result.rows).toHaveLength(1);
    const gvisor = result.rows[0]!;
    expect(gvisor).toMatchObject({ runtime: "runsc-ptrace", variant: null, category: "cpu", k: 3, indirect: false });
    expect(gvisor).toMatchObject({ leftOut: 0, tau2: expect.closeTo(0.0225, 12), i2: expect.closeTo(0.6, 12) });
    expect(gvisor.pooledPct).toBeCloseTo(pct(1 / 7), 10);
    expect(gvisor.ciLowPct).toBeCloseTo(pct(1 / 7 - 4.302653 * Math.sqrt(31 / 1764)), 4);
    expect(gvisor.studies.map((s) => [s.dataset, s.host, s.version, s.weight])).toEqual([
      ["a", "a-host", null, expect.closeTo(0.396825, 6)],
      ["b", "b-host", null, expect.closeTo(0.396825, 6)],
      ["c", "c-host", "20240101", expect.closeTo(0.206349, 6)],
    ]);
    expect(gvisor.studies[2]).toMatchObject({
      workloads: ["cpu-bench"],
      n: 3,
      logRatio: 0.5,
      variance: 0.04,
      overheadPct: expect.closeTo(pct(0.5), 10),
      indirect: false,
      via: null,
    });
  });

  it("reaches the baseline through a bridge when a dataset lacks it: 1.5 × 2 = 3", () => {
    // firecracker/bare-metal = 1.5 (v 0.01, df 10) within the NSDI data; bare-metal/runc = 2 (v 0.02, df 20) pooled
    // from idlab, k = 1. Firecracker/runc = 3 → +200 %, v = 0.03, df = 0.0009 / (0.01²/10 + 0.02²/20) = 30
    const { rows } = synthesize([withRunc(), withoutRunc], { baseline: "runc" });
    expect(rows.map((r) => [r.runtime, r.category, r.k, r.indirect])).toEqual([
      ["bare-metal", "cpu", 1, false],
      ["firecracker", "cpu", 1, true],
    ]);
    const firecracker = rows[1]!;
    const half = 2.042272 * Math.sqrt(0.03); // t(0.975, 30)
    expect(firecracker.pooledPct).toBeCloseTo(200, 10);
    expect(firecracker.ciLowPct).toBeCloseTo(pct(Math.log(3) - half), 4);
    expect(firecracker.ciHighPct).toBeCloseTo(pct(Math.log(3) + half), 4);
    expect(firecracker).toMatchObject({ i2: null, tau2: null, leftOut: 0 });
    expect(firecracker.studies).toEqual([
      expect.objectContaining({
        dataset: "firecracker-nsdi2020",
        logRatio: expect.closeTo(Math.log(3), 12),
        variance: expect.closeTo(0.03, 12),
        weight: 1,
        indirect: true,
        via: "bare-metal",
      }),
    ]);
  });

  it("pools indirect studies only for a runtime without a direct study in the category", () => {
    const { rows } = synthesize([withRunc(row("firecracker", "cpu", Math.log(2.5), 0.01)), withoutRunc], {
      baseline: "runc",
    });
    const firecracker = rows.find((r) => r.runtime === "firecracker")!;
    expect(firecracker).toMatchObject({ k: 1, indirect: false, pooledPct: expect.closeTo(150, 10) });
    expect(firecracker.studies.map((s) => [s.dataset, s.indirect, s.via, s.weight])).toEqual([
      ["idlab", false, null, 1],
      ["firecracker-nsdi2020", true, "bare-metal", null],
    ]);
  });

  it("pools indirect studies through one bridge, counted once, and shows those through another unpooled", () => {
    // two hosts bridged by bare metal: legs log 1.5 twice (Var 1/200 = 0.005 after q = 0 → 1) plus bare metal's
    // 0.02 once = 0.025, not the 0.015 that pooling the two sums (0.03 each) would claim
    const crunOnly = host("kuasar", {
      crun: [row("firecracker", "cpu", 0.1, 0.01)],
      firecracker: [],
    });
    const again = { ...withoutRunc, host: "second-host" };
    const { rows } = synthesize([withRunc(row("crun", "cpu", 0.05, 0.01)), withoutRunc, again, crunOnly], {
      baseline: "runc",
    });
    const firecracker = rows.find((r) => r.runtime === "firecracker")!;
    expect(firecracker).toMatchObject({ k: 2, indirect: true, pooledPct: expect.closeTo(200, 10) });
    // df = 0.025² / (0.005²/1 + 0.02²/20) = 13.89 (Satterthwaite)
    const half = tQuantile95(0.000625 / 0.000045) * Math.sqrt(0.025);
    expect(firecracker.ciHighPct).toBeCloseTo(pct(Math.log(3) + half), 8);
    expect(firecracker.studies.map((s) => [s.dataset, s.via, s.weight])).toEqual([
      ["firecracker-nsdi2020", "bare-metal", 0.5],
      ["firecracker-nsdi2020", "bare-metal", 0.5],
      ["kuasar", "crun", null],
    ]);
  });

  it("leaves indirect evidence out with includeIndirect: false", () => {
    expect(synthesize([withRunc(), withoutRunc], { baseline: "runc", includeIndirect: false }).rows).toHaveLength(1);
    const { rows } = synthesize([withRunc(row("firecracker", "cpu", Math.log(2.5), 0.01)), withoutRunc], {
      baseline: "runc",
      includeIndirect: false,
    });
    expect(rows.find((r) => r.runtime === "firecracker")!.studies.map((s) => s.dataset)).toEqual(["idlab"]);
  });

  it("shows n = 1 studies without pooling them, and counts them", () => {
    const { rows } = synthesize(
      [
        host("a", { runc: [row("kata-qemu", "startup", 0.9, null)] }),
        host("b", { runc: [row("kata-qemu", "startup", 0.3, 0.04, { df: 4 })] }),
      ],
      { baseline: "runc" },
    );
    const kata = rows[0]!;
    expect(kata).toMatchObject({ k: 1, leftOut: 1, i2: null, tau2: null, pooledPct: expect.closeTo(pct(0.3), 10) });
    expect(kata.studies.map((s) => [s.n, s.variance, s.ciLowPct, s.weight])).toEqual([
      [1, null, null, null],
      [3, 0.04, expect.any(Number), 1],
    ]);
  });

  it("keeps a row with no pooled value when every study has n = 1", () => {
    const { rows } = synthesize([host("a", { runc: [row("kata-qemu", "startup", 0.9, null)] })], { baseline: "runc" });
    expect(rows[0]).toMatchObject({ k: 0, leftOut: 1, pooledPct: null, ciLowPct: null, ciHighPct: null });
  });

  it("filters runtimes after bridging, and categories", () => {
    const datasets = [withRunc(row("runsc-ptrace", "disk", 0.2, 0.01)), withoutRunc];
    const firecrackerOnly = synthesize(datasets, { baseline: "runc", runtimes: ["firecracker"] });
    expect(firecrackerOnly.rows.map((r) => [r.runtime, r.pooledPct])).toEqual([
      ["firecracker", expect.closeTo(200, 10)],
    ]);
    const disk = synthesize(datasets, { baseline: "runc", categories: ["disk"] });
    expect(disk.rows.map((r) => [r.runtime, r.category])).toEqual([["runsc-ptrace", "disk"]]);
  });

  it("gives each variant its own row, rows ordered by runtime, variant and category", () => {
    const { rows } = synthesize(
      [
        host("a", {
          runc: [
            row("qemu-kvm", "startup", 0.2, 0.01, { variant: "qboot" }),
            row("qemu-kvm", "startup", 0.9, 0.01),
            row("qemu-kvm", "cpu", 0.1, 0.01),
          ],
        }),
      ],
      { baseline: "runc" },
    );
    expect(rows.map((r) => [r.runtime, r.variant, r.category])).toEqual([
      ["qemu-kvm", null, "cpu"],
      ["qemu-kvm", null, "startup"],
      ["qemu-kvm", "qboot", "startup"],
    ]);
  });

  it("states its method in ASCII, so the JSON body stays a one-byte string", () => {
    expect(SYNTHESIS_METHOD).toMatch(/^[\x20-\x7e]+$/);
  });
});
