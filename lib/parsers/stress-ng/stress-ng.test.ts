import { describe, expect, it } from "vitest";
import { describeFixtureCases, matchValues, parseFixture } from "../__test__/fixture-cases";
import { stressorCategory } from "./stress-ng-category";
import { stressNgParser as parser } from "./stress-ng";

const parse = (name: string) => parseFixture(parser, "stress-ng", name);

// Seconds * 1e9 = ns; "RSS Max (KB)" and YAML max-rss * 1024 = bytes.
const GOOD: [string, Record<string, number>][] = [
  [
    "cpu-brief.txt",
    {
      "stress-ng cpu instances=1 bogo_ops": 3485,
      "stress-ng cpu instances=1 wall_time": 3_000_000_000,
      "stress-ng cpu instances=1 user_time": 2_560_000_000,
      "stress-ng cpu instances=1 system_time": 140_000_000,
      "stress-ng cpu instances=1 bogo_ops_per_s_real": 1161.16,
      "stress-ng cpu instances=1 bogo_ops_per_s_cpu": 1291.55,
    },
  ],
  [
    "syscall-brief.txt",
    { "stress-ng syscall instances=1 bogo_ops": 950, "stress-ng syscall instances=1 wall_time": 3_320_000_000 },
  ],
  ["vm-brief.txt", { "stress-ng vm instances=1 bogo_ops_per_s_real": 25688.29 }],
  ["sock-brief.txt", { "stress-ng sock instances=1 bogo_ops_per_s_cpu": 321.28 }],
  [
    "matrix-metrics.txt",
    {
      "stress-ng matrix instances=1 bogo_ops": 11658,
      "stress-ng matrix instances=1 cpu_usage_per_instance": 89.86,
      "stress-ng matrix instances=1 max_rss": 2756 * 1024,
    },
  ],
  [
    "two-stressors-brief.txt",
    { "stress-ng cpu instances=1 bogo_ops": 2652, "stress-ng get instances=1 bogo_ops": 3584 },
  ],
  [
    "two-stressors.yaml",
    {
      "stress-ng cpu bogo_ops": 2652,
      "stress-ng cpu bogo_ops_per_s_real": 883.193658,
      "stress-ng cpu bogo_ops_per_s_cpu": 1450.293012,
      "stress-ng cpu wall_time": 3_002_739_000,
      "stress-ng get system_time": 1_417_632_000,
      "stress-ng get cpu_usage_per_instance": 68.92739,
      "stress-ng get max_rss": 3480 * 1024,
    },
  ],
  // A shell loop's runs: each a repetition of the workload.
  ["loop-cpu-2.txt", { "stress-ng cpu instances=1 bogo_ops#0": 1713, "stress-ng cpu instances=1 bogo_ops#1": 1766 }],
];

const BROKEN: [string, string][] = [
  ["truncated.txt", "missing the 'successful run completed in Ns' line (output cut short?)"],
  ["truncated.yaml", "missing the YAML end marker '...' (output cut short?)"],
  [
    "empty.txt",
    "missing the 'stressor bogo ops real time ...' metrics table (run stress-ng with --metrics-brief and capture stderr)",
  ],
  [
    "wrong-tool.txt",
    "missing the 'stressor bogo ops real time ...' metrics table (run stress-ng with --metrics-brief and capture stderr)",
  ],
  [
    "truncated-loop.txt",
    "line 8: run 2 of 2 (lines 8-9): missing the 'successful run completed in Ns' line (output cut short?)",
  ],
  // Found by fuzz.test.ts: a 320-digit rate used to come back as Infinity.
  ["issue-7-5.yaml", 'out of range: not a finite number\n  → at metrics[1]["bogo-ops-per-second-usr-sys-time"]'],
];

describe("stress-ng parser", () => {
  describeFixtureCases({
    parser,
    tool: "stress-ng",
    good: GOOD,
    read: matchValues(),
    broken: BROKEN,
    copiesElsewhere: ["redis-benchmark/wrong-tool.txt"],
  });

  it("does not mistake the misc-metrics and syscall timing lines for stressor rows", () => {
    expect(parse("matrix-metrics.txt").samples).toHaveLength(8);
    expect(parse("syscall-brief.txt").samples).toHaveLength(6);
  });

  it("reads a shell loop's appended runs as repetitions of their workload", () => {
    const bogoOps = parse("loop-cpu-2.txt").samples.filter((s) => s.metric === "bogo_ops");
    expect(bogoOps.map((s) => [s.workload.name, s.repetition, s.value])).toEqual([
      ["stress-ng cpu instances=1", 0, 1713],
      ["stress-ng cpu instances=1", 1, 1766],
    ]);
  });

  it("marks bogo ops as higher-is-better and reads the version from the YAML", () => {
    const result = parse("two-stressors.yaml");
    expect(result.toolVersion).toBe("0.15.06");
    expect(result.samples.find((s) => s.metric === "bogo_ops")?.direction).toBe("higher");
  });

  it.each([
    ["cpu-brief.txt", "cpu"],
    ["matrix-metrics.txt", "cpu"],
    ["syscall-brief.txt", "syscall"],
    ["vm-brief.txt", "memory"],
    ["sock-brief.txt", "network"],
  ])("puts %s in category %s", (name, category) => {
    expect(parse(name).samples[0]?.workload.category).toBe(category);
  });

  it("maps disk stressors to disk", () => {
    expect(stressorCategory("hdd")).toBe("disk");
    expect(stressorCategory("iomix")).toBe("disk");
    expect(stressorCategory("get")).toBe("syscall");
  });
});
