import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { StepRecord } from "./manifest-writer";
import { variationOf, variationSummary } from "./variation";

const DIR = join(import.meta.dirname, "__fixtures__", "variation");

const record = (rep: number): StepRecord => ({
  runtime: "runc",
  step: "sysbench-cpu",
  rep,
  status: "ok",
  file: `runc/sysbench-cpu-rep${rep}.txt`,
  tool: "sysbench",
  command: "sysbench cpu --time=1 run",
  startedAt: "2026-12-06T05:30:00Z",
  endedAt: "2026-12-06T05:30:01Z",
});

describe("variation across repetitions", () => {
  it("gives the coefficient of variation of the headline metric, flagging a CPU-bound one above 5 %", () => {
    const [row] = variationOf(DIR, [record(1), record(2), record(3)]);
    // events per second of the three captured runs (commands.md): 2,095.63, 2,326.72, 1,667.12.
    const values = [2095.63, 2326.72, 1667.12];
    const mean = values.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / 2);
    expect(row).toMatchObject({ runtime: "runc", category: "cpu", metric: "events_per_s", n: 3, flagged: true });
    expect(row!.mean).toBeCloseTo(mean, 6);
    expect(row!.cvPct).toBe(Math.round((sd / mean) * 1000) / 10);
    expect(variationSummary([row!])[1]).toMatch(
      /runc .* \(events_per_s, n = 3\): 16\.\d % FLAGGED: CPU-bound above 5 %/,
    );
  });

  it("has no coefficient with one repetition, and leaves failed steps out", () => {
    const failed = { ...record(2), status: "failed" as const, file: "runc/sysbench-cpu-rep2.failed.log" };
    const [row] = variationOf(DIR, [record(1), failed]);
    expect(row).toMatchObject({ n: 1, cvPct: null, flagged: false });
    expect(variationSummary([row!])).toEqual(["variation: fewer than 2 repetitions, no coefficient of variation"]);
  });

  it("groups hyperfine's repetitions by the manifest's workload, not by the command naming each container", () => {
    const bundled = join(import.meta.dirname, "..", "..", "data", "bundled");
    const steps = (JSON.parse(readFileSync(join(bundled, "steps.json"), "utf8")) as { steps: StepRecord[] }).steps;
    const startup = steps.filter((s) => s.step === "startup" && s.runtime === "runc" && s.status === "ok");
    expect(startup.length).toBeGreaterThanOrEqual(2);
    const rows = variationOf(bundled, startup);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ workload: startup[0]!.workload, n: startup.length, metric: "wall_time" });
  });
});
