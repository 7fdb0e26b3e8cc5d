import { describe, expect, it } from "vitest";
import { evidenceMarkers, noIntervalReason } from "./evidence-notes";
import { rankSynthesis } from "./synthesis-ranking";
import { tQuantile95 } from "../overhead/log-ratio";
import { pct, row, study } from "@/test/synthesis-row-fixture";

const SERVERLESS = { startup: 3, footprint: 2, cpu: 1 };

// gVisor: start-up ratio 2 (v 0.01, df 10), footprint ratio 4 (v 0.04, df 5). Kata: start-up ratio 3 only.
const gvisor = [
  row("runsc-ptrace", "startup", { logRatio: Math.log(2), variance: 0.01, df: 10 }, [study("a", Math.log(2))]),
  row("runsc-ptrace", "footprint", { logRatio: Math.log(4), variance: 0.04, df: 5 }, [study("b", Math.log(4))]),
];
const kata = [row("kata-qemu", "startup", { logRatio: Math.log(3), variance: 0.02, df: 8 }, [study("c", Math.log(3))])];

describe("ranking on the synthesis", () => {
  it("weights the category effects in a geometric mean, with the propagated interval", () => {
    const ranked = rankSynthesis([...gvisor, ...kata], SERVERLESS, "runc");
    // gVisor: (3·ln 2 + 2·ln 4)/5 = 1.4·ln 2 → 2^1.4 = 2.64; Kata: 3 → gVisor first after the baseline.
    expect(ranked.map((r) => r.runtime)).toEqual(["runc", "runsc-ptrace", "kata-qemu"]);
    expect(ranked[0]).toMatchObject({
      isBaseline: true,
      overhead: { overhead: 0 },
      measured: ["startup", "footprint"],
    });
    const g = ranked[1]!;
    expect(g.overhead.overhead).toBeCloseTo(2 ** 1.4 - 1, 12);
    // variance (3/5)²·0.01 + (2/5)²·0.04 = 0.01; df 0.01² / (0.0036²/10 + 0.0064²/5)
    expect(g.overhead.estimate.variance).toBeCloseTo(0.01, 12);
    const df = 0.0001 / (0.0036 ** 2 / 10 + 0.0064 ** 2 / 5);
    expect(g.overhead.ciLow).toBeCloseTo(Math.exp(1.4 * Math.LN2 - tQuantile95(df) * 0.1) - 1, 10);
    expect(g).toMatchObject({ measured: ["startup", "footprint"], missing: ["cpu"], withoutInterval: [] });
    expect(ranked[2]).toMatchObject({ measured: ["startup"], missing: ["cpu", "footprint"] });
    expect(ranked[2]!.overhead.overhead).toBeCloseTo(2, 12);
  });

  it("counts a row of n = 1 studies with its point value, and then the overall has no interval", () => {
    // Firecracker start-up only through bare metal, one study with n = 1: ratio 4 → +300 %.
    const fc = row("firecracker", "startup", null, [
      study("nsdi", Math.log(4), { variance: null, weight: null, via: "bare-metal" }),
    ]);
    const [, ranked] = rankSynthesis([fc], SERVERLESS, "runc");
    expect(ranked!.overhead).toMatchObject({ overhead: expect.closeTo(3, 12), ciLow: null, ciHigh: null });
    expect(ranked!.withoutInterval).toEqual(["startup"]);
    expect(noIntervalReason(ranked!)).toBe("no interval: startup rests on n = 1 studies only");
    expect(evidenceMarkers(ranked!.evidence[0]!)).toEqual(["via No sandbox (host)", "n = 1, not pooled"]);
    expect(ranked!.evidence[0]).toMatchObject({
      category: "startup",
      weight: 3,
      via: ["bare-metal"],
      cell: { pooled: false, indirect: true, k: 0 },
      sources: [
        { dataset: "nsdi", host: "nsdi-host", via: "bare-metal", workloads: ["w"], indirect: true, counted: true },
      ],
    });
  });

  it("lists each host behind a category once, and says which ones the number leaves out", () => {
    const startup = row("runsc-ptrace", "startup", { logRatio: 0.5, variance: 0.01, df: 4 }, [
      study("bundled", 0.4, { version: "2023" }),
      study("bundled", 0.6, { version: "2024", workloads: ["w", "v"] }),
      study("gvisor-website", 0.9, { variance: null, weight: null }),
    ]);
    const [, gvisorRanked] = rankSynthesis([startup], SERVERLESS, "runc");
    expect(gvisorRanked!.evidence[0]!.sources).toEqual([
      { dataset: "bundled", host: "bundled-host", via: null, workloads: ["w", "v"], indirect: false, counted: true },
      {
        dataset: "gvisor-website",
        host: "gvisor-website-host",
        via: null,
        workloads: ["w"],
        indirect: false,
        counted: false,
      },
    ]);
    expect(gvisorRanked!.evidence[0]!.cell).toMatchObject({ pooled: true, k: 2, overheadPct: pct(0.5) });
  });

  it("ranks variants apart and keeps the isolation level, the minimum and the pros and cons", () => {
    const rows = [
      ...kata,
      row("kata-qemu", "startup", { logRatio: Math.log(5), variance: 0.02, df: 8 }, [study("c", 1)], "confidential"),
      row("crun", "startup", { logRatio: 0, variance: 0.01, df: 9 }, [study("a", 0)]),
      row("my-sandbox", "startup", { logRatio: 0.1, variance: 0.01, df: 9 }, [study("a", 0.1)]),
    ];
    const ranked = rankSynthesis(rows, SERVERLESS, "runc", 2);
    expect(ranked.map((r) => r.label)).toEqual([
      "runc",
      "crun",
      "my-sandbox",
      "Kata (QEMU)",
      "Kata (QEMU) (confidential)",
    ]);
    expect(ranked.find((r) => r.runtime === "crun")).toMatchObject({ isolation: 1, belowMinIsolation: true });
    expect(ranked.find((r) => r.runtime === "my-sandbox")).toMatchObject({ isolation: null, belowMinIsolation: true });
    const kataRanked = ranked.find((r) => r.key === "kata-qemu||")!;
    expect(kataRanked).toMatchObject({ isolation: 3, belowMinIsolation: false });
    expect(kataRanked.pros.length).toBeGreaterThan(0);
  });

  it("ranks nothing, not even the baseline, when no weighted category has data", () => {
    expect(rankSynthesis(gvisor, { web: 1 }, "runc")).toEqual([]);
  });
});
