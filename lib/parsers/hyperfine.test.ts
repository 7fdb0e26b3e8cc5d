import { describe, expect, it } from "vitest";
import { describeFixtureCases, matchValues, parseFixture } from "./__test__/fixture-cases";
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
