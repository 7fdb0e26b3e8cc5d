import { describe, expect, it } from "vitest";
import { describeFixtureCases, matchValues, parseFixture } from "./__test__/fixture-cases";
import { readFixture } from "./__test__/fixtures";
import { hyperfineParser as parser } from "./hyperfine";
import type { ParserOptions } from "./types";

const parse = (name: string, options?: ParserOptions) => parseFixture(parser, "hyperfine", name, options);

// Seconds from the JSON * 1e9, rounded to whole ns (e.g. 0.0003931191400000011 s -> 393119 ns).
const GOOD: [string, Record<string, number>][] = [
  [
    "runs10.json",
    {
      "true wall_time#0": 393_119,
      "true wall_time#1": 0,
      "true wall_time#9": 12_572_800,
      "true user_time": 1_314_710,
      "true system_time": 875_650,
      "true failed_runs": 0,
      "sleep 0.01 wall_time#0": 16_876_213,
      "sleep 0.01 wall_time#9": 13_724_424,
    },
  ],
  ["warmup.json", { "sleep 0.02 wall_time#1": 32_412_768, "sleep 0.02 user_time": 3_527_220 }],
  [
    "param-scan.json",
    {
      "sleep 0.01 wall_time#4": 16_867_714,
      "sleep 0.02 wall_time#4": 23_208_580,
      "sleep 0.03 wall_time#4": 33_709_478,
    },
  ],
];

const BROKEN: [string, string | RegExp][] = [
  ["truncated.json", /^line 36: invalid JSON: /],
  ["empty.json", "invalid JSON: Unexpected end of JSON input"],
  [
    "wrong-tool.json",
    "not a hyperfine --export-json file:\n✖ Invalid input: expected array, received undefined\n  → at results",
  ],
  [
    "terminal-report.txt",
    "this is hyperfine's terminal report, which omits the individual run times; re-run with --export-json FILE and ingest FILE",
  ],
  // Found by fuzz.test.ts: a run time too large for ns used to come back as Infinity.
  ["issue-7-3.json", "1e+308 s is out of range: not a finite number of ns"],
];

describe("hyperfine parser", () => {
  describeFixtureCases({
    parser,
    tool: "hyperfine",
    good: GOOD,
    read: matchValues(),
    broken: BROKEN,
    copiesElsewhere: ["iperf3/wrong-tool-hyperfine.json"],
    testedElsewhere: ["runtime-param.json", "per-command.json"],
  });

  // Both fixtures time the same container start under runc and gVisor (commands.md).
  it.each(["runtime-param.json", "per-command.json"])(
    "%s: one workload, each result under the runtime its parameter or command names",
    (name) => {
      const { samples } = parse(name);
      const workload = "{runtime} run --bundle /tmp/b hvscope-start";
      expect(new Set(samples.map((s) => s.workload.name))).toEqual(new Set([workload]));
      expect(samples[0]?.workload.params).toEqual({ command: workload });
      const walls = (runtime: string) =>
        samples.filter((s) => s.metric === "wall_time" && s.runtimeInCommand === runtime).map((s) => s.value);
      expect(walls("runc")).toHaveLength(10);
      expect(walls("runsc-ptrace")).toHaveLength(10);
      expect(samples.every((s) => s.runtimeInCommand && s.runtime === undefined)).toBe(true);
    },
  );

  it("reads the runtime parameter's values as they are, first run times included", () => {
    const first = (runtime: string) =>
      parse("runtime-param.json").samples.find((s) => s.runtimeInCommand === runtime && s.repetition === 0)?.value;
    expect(first("runc")).toBe(40_716_592);
    expect(first("runsc-ptrace")).toBe(166_410_651);
  });

  it("takes a parameter of another name as the runtime when every value names one", () => {
    const renamed = readFixture("hyperfine", "runtime-param.json").replaceAll('"runtime":', '"rt":');
    const { samples } = parser.parse(renamed, { fileName: "start.json" });
    expect(new Set(samples.map((s) => `${s.runtimeInCommand} ${s.workload.name}`))).toEqual(
      new Set([
        "runc {runtime} run --bundle /tmp/b hvscope-start",
        "runsc-ptrace {runtime} run --bundle /tmp/b hvscope-start",
      ]),
    );
  });

  it("leaves results that name no runtime as they were", () => {
    expect(parse("runs10.json").samples.some((s) => s.runtimeInCommand !== undefined)).toBe(false);
    expect(parse("param-scan.json").samples[0]?.workload.params).toEqual({ command: "sleep 0.01", n: "1" });
  });

  it("makes every run its own wall_time sample", () => {
    const walls = parse("runs10.json").samples.filter((s) => s.metric === "wall_time");
    expect(walls.map((s) => s.repetition)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("keys workloads by command and scan parameters, category startup unless the manifest says otherwise", () => {
    const result = parse("param-scan.json");
    expect(result.samples.find((s) => s.workload.name === "sleep 0.02")?.workload).toEqual({
      name: "sleep 0.02",
      category: "startup",
      params: { command: "sleep 0.02", n: "2" },
    });
    expect(result.command).toBeUndefined();
    expect(parse("warmup.json").command).toBe("sleep 0.02");
    expect(parse("warmup.json", { category: "cpu" }).samples[0]?.workload.category).toBe("cpu");
    expect(() => parse("warmup.json", { category: "gpu" })).toThrow(/^invalid hyperfine options in the manifest/);
  });
});
