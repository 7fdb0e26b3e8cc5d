import { describe, expect, it } from "vitest";
import { rankingCsv, synthesisRankingCsv } from "./ranking-csv";
import { rankSynthesis } from "./synthesis-ranking";
import { row, study } from "@/test/synthesis-row-fixture";

describe("the guide's CSV", () => {
  // gVisor start-up: ratio 2 pooled from two hosts, one n = 1 study listed only; Firecracker: ratio 4 through bare metal, n = 1.
  const rows = [
    row("runsc-ptrace", "startup", { logRatio: Math.log(2), variance: 0.01, df: 10 }, [
      study("bundled", Math.log(2)),
      study("idlab", Math.log(2)),
      study("gvisor-website", 1, { variance: null, weight: null }),
    ]),
    row("firecracker", "startup", null, [
      study("nsdi", Math.log(4), { variance: null, weight: null, via: "bare-metal" }),
    ]),
  ];
  const ranked = rankSynthesis(rows, { startup: 3, cpu: 1 }, "runc");

  it("has the synthesis columns: per category value, k, how it was reached and the datasets counted", () => {
    const lines = synthesisRankingCsv(ranked, ["startup", "cpu"]).trim().split("\n");
    expect(lines[0]).toBe(
      "runtime,isolation,overheadPct,ciLowPct,ciHighPct,missing,startupPct,startupK,startupEvidence,startupDatasets,cpuPct,cpuK,cpuEvidence,cpuDatasets",
    );
    expect(lines[1]).toBe("runc,1,0,,,cpu,,,,,,,,");
    expect(lines[2]).toMatch(
      /^gVisor \(ptrace\),2,100(\.\d+)?,[\d.]+,[\d.]+,cpu,100(\.\d+)?,2,pooled,bundled idlab,,,,$/,
    );
    expect(lines[3]).toMatch(
      /^Firecracker,3,300(\.\d+)?,,,cpu,300(\.\d+)?,0,"via No sandbox \(host\); n = 1, not pooled",nsdi,,,,$/,
    );
  });

  it("keeps the per-dataset columns", () => {
    expect(rankingCsv(ranked).split("\n")[0]).toBe("runtime,isolation,overheadPct,ciLowPct,ciHighPct");
  });
});
