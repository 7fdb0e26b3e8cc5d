import { describe, expect, it } from "vitest";
import { bridgeStudy, indirectStudies, poolThroughBridge, rankBridges } from "./indirect";
import { hostFromRows, toStudies, type BridgeEffect, type DatasetRows } from "./studies";
import type { OverheadRow } from "../overhead/rows";
import { overheadRowOf } from "@/test/overhead-row-fixture";

const bridgeOf = (runtime: string, k: number, category = "cpu"): BridgeEffect => ({
  runtime,
  category,
  effect: { logRatio: Math.log(2), variance: 0.02, df: 20 },
  k,
});

/** Firecracker against whichever reference, log ratio 0.4 with variance 0.01. */
const fc = (category: string, version: string | null = null) =>
  overheadRowOf(
    { runtime: "firecracker", version, workload: "a", category },
    { logRatio: 0.4, variance: 0.01, df: 10 },
  );

/** A host whose rows against each reference are given. */
function host(against: Record<string, OverheadRow[]>): DatasetRows {
  return hostFromRows(
    { dataset: "firecracker-nsdi2020", host: "m5d.metal", runtimes: Object.keys(against) },
    (reference) => against[reference] ?? null,
  );
}

describe("bridgeStudy", () => {
  it("adds log ratios and variances: R/B = 1.5 and B/baseline = 2 give R/baseline = 3", () => {
    // log 1.5 + log 2 = log 3; variance 0.01 + 0.02 = 0.03
    // df (Satterthwaite) = 0.03² / (0.01²/10 + 0.02²/20) = 0.0009 / 0.00003 = 30
    const [leg] = toStudies(
      [
        overheadRowOf(
          { runtime: "firecracker", workload: "a", category: "cpu" },
          { logRatio: Math.log(1.5), variance: 0.01, df: 10 },
        ),
      ],
      { dataset: "d", host: "h", reference: "bare-metal" },
    );
    const study = bridgeStudy(leg!, bridgeOf("bare-metal", 2), "runc");
    expect(study.logRatio).toBeCloseTo(Math.log(3), 12);
    expect(study.variance).toBeCloseTo(0.03, 12);
    expect(study.df).toBeCloseTo(30, 10);
    expect(study).toMatchObject({ runtime: "firecracker", reference: "runc", bridge: { runtime: "bare-metal", k: 2 } });
    expect(study.bridge!.leg).toEqual({ logRatio: Math.log(1.5), variance: 0.01, df: 10 });
  });
});

describe("rankBridges", () => {
  it("prefers bare metal, runc, crun, then the bridge with most studies", () => {
    const ranked = rankBridges([
      bridgeOf("kata-clh", 2),
      bridgeOf("crun", 1),
      bridgeOf("runsc-kvm", 3),
      bridgeOf("bare-metal", 1),
    ]);
    expect(ranked.map((b) => b.runtime)).toEqual(["bare-metal", "crun", "runsc-kvm", "kata-clh"]);
  });
});

describe("indirectStudies", () => {
  it("bridges each category through the best bridge the host measured there", () => {
    const bridges = new Map([
      ["cpu", [bridgeOf("crun", 5), bridgeOf("bare-metal", 1)]],
      ["disk", [bridgeOf("bare-metal", 1, "disk"), bridgeOf("crun", 5, "disk")]],
      ["network", [bridgeOf("qemu-kvm", 1, "network")]],
    ]);
    // bare metal ran cpu only on this host: disk goes through crun; qemu-kvm is no runtime of this host
    const studies = indirectStudies(
      host({ "bare-metal": [fc("cpu")], crun: [fc("cpu"), fc("disk")], firecracker: [] }),
      bridges,
      "runc",
    );
    expect(studies.map((s) => [s.category, s.bridge!.runtime])).toEqual([
      ["cpu", "bare-metal"],
      ["disk", "crun"],
    ]);
  });
});

describe("poolThroughBridge", () => {
  it("pools the legs and adds the bridge once, so its uncertainty is not divided among the studies", () => {
    // legs 0.4, 0.4 with v = 0.01: Q = 0, τ² = 0, q = 0 → 1; Var = 1/(100 + 100) = 0.005, df 1
    // plus the bridge (log 2, 0.02, df 20): μ = 0.4 + log 2, Var = 0.025,
    // df = 0.025² / (0.005²/1 + 0.02²/20) = 0.000625 / 0.000045 = 13.89
    // (pooling the two sums, each with variance 0.03, would claim 0.015)
    const legs = toStudies([fc("cpu", "a"), fc("cpu", "b")], { dataset: "d", host: "h", reference: "bare-metal" });
    const bridge = bridgeOf("bare-metal", 3);
    const pooled = poolThroughBridge(
      legs.map((l) => bridgeStudy(l, bridge, "runc")),
      bridge.effect,
    );
    expect(pooled.k).toBe(2);
    expect(pooled.estimate!.logRatio).toBeCloseTo(0.4 + Math.log(2), 12);
    expect(pooled.estimate!.variance).toBeCloseTo(0.025, 12);
    expect(pooled.estimate!.df).toBeCloseTo(0.000625 / 0.000045, 8);
    expect(pooled.weights).toEqual([0.5, 0.5]);
    expect(pooled).toMatchObject({ tau2: 0, i2: 0 });
    expect(pooled.pooledPct).toBeCloseTo((Math.exp(0.4) * 2 - 1) * 100, 10);
  });
});
