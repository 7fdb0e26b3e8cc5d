import { describe, expect, it } from "vitest";
import { describeFixtureCases, matchValues, parseFixture } from "./__test__/fixture-cases";
import { bashTimeParser as parser } from "./bash-time";

const parse = (name: string) => parseFixture(parser, "bash-time", name);

// Seconds (and minutes) copied from the fixtures -> ns; every block is one run of "bash time".
const GOOD: [string, Record<string, number>][] = [
  [
    "sleep-loop.txt",
    {
      "bash time wall_time#0": 101_000_000,
      "bash time user_time#0": 1_000_000,
      "bash time system_time#0": 0,
      "bash time wall_time#1": 102_000_000,
      "bash time user_time#1": 2_000_000,
      "bash time wall_time#2": 104_000_000,
      "bash time user_time#2": 1_000_000,
    },
  ],
  [
    "dd-loop.txt",
    {
      "bash time wall_time#0": 28_000_000,
      "bash time system_time#0": 13_000_000,
      "bash time wall_time#1": 18_000_000,
      "bash time system_time#1": 14_000_000,
    },
  ],
  ["minutes.txt", { "bash time wall_time": 61_008_000_000, "bash time user_time": 1_000_000 }],
  ["minutes.txt", { "bash time wall_time": 61_008_000_000, "bash time user_time": 1_000_000 }],
  ["posix-loop.txt", { "bash time wall_time#0": 50_000_000, "bash time wall_time#1": 50_000_000 }],
];

const NO_BLOCK = "no 'real' line: expected bash time blocks ('real\\t0m0.101s', 'user …', 'sys …')";
const BROKEN: [string, string][] = [
  ["truncated.txt", "line 7: expected the 'user' line of the block starting 'real' on line 6 (output cut short?)"],
  ["empty.txt", NO_BLOCK],
  ["wrong-tool-gnu-time.txt", NO_BLOCK],
];

describe("bash time parser", () => {
  describeFixtureCases({ parser, tool: "bash-time", good: GOOD, read: matchValues(), broken: BROKEN });

  it("reads the metrics GNU time and hyperfine name, three per run, and passes over echo lines", () => {
    for (const [name, runs] of [
      ["sleep-loop.txt", 3],
      ["posix-loop.txt", 2],
    ] as const) {
      const { samples } = parse(name);
      expect(samples.map((s) => s.metric)).toEqual(
        Array.from({ length: runs }, () => ["wall_time", "user_time", "system_time"]).flat(),
      );
      expect(samples.map((s) => s.repetition)).toEqual(Array.from({ length: runs }, (_, r) => [r, r, r]).flat());
      expect(new Set(samples.map((s) => s.unit))).toEqual(new Set(["ns"]));
    }
  });

  it("names no command: one workload, which a manifest rule can rename", () => {
    const result = parse("dd-loop.txt");
    expect(result.command).toBeUndefined();
    expect(new Set(result.samples.map((s) => JSON.stringify(s.workload)))).toEqual(
      new Set([JSON.stringify({ name: "bash time", category: "startup", params: {} })]),
    );
  });
});
