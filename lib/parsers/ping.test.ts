import { describe, expect, it } from "vitest";
import {
  allMatches,
  describeFixtureCases,
  expectedRuns,
  expectRunsCloseTo,
  matchValues,
  metricRuns,
  parseFixture,
} from "./__test__/fixture-cases";
import { readFixture } from "./__test__/fixtures";
import { pingParser as parser } from "./ping";

const GOOD: [string, Record<string, number>][] = [
  ["loopback-5.txt", { packet_loss: 0, rtt_min: 43_000, rtt_avg: 50_000, rtt_max: 62_000, rtt_mdev: 6_000 }],
  ["loopback-quiet.txt", { packet_loss: 0 }],
];

// Runs cut off before their summary: alone, and as the last run of a loop's log.
const BROKEN: [string, string | RegExp][] = [
  ["truncated.txt", /missing the 'packets transmitted/],
  [
    "truncated-loop-last-run.txt",
    "line 29: run 4 of 4 (lines 29-30): missing the 'packets transmitted, received, % packet loss' summary",
  ],
];

describe("ping parser", () => {
  describeFixtureCases({
    parser,
    tool: "ping",
    good: GOOD,
    read: matchValues({ metricOnly: true }),
    broken: BROKEN,
    testedElsewhere: ["loop-sizes.txt"],
    // Other tools' "wrong tool" fixtures are copies of ping output.
    copiesElsewhere: [
      "fio/ping-loopback.txt",
      "mbw/wrong-tool-ping.txt",
      "sysbench/wrong-tool-ping.txt",
      "table/wrong-tool-ping.txt",
    ],
  });

  it("reads each run of a loop's log as a repetition, the packet size (-s) splitting workloads", () => {
    const raw = readFixture("ping", "loop-sizes.txt");
    // The default 56-byte payload keeps the name one-run files have always had.
    const workloads = allMatches(raw, /^PING \S+ \(\S+\) (\d+)\(\d+\) bytes of data\.$/gm).map((size) =>
      size === "56" ? "ping" : `ping s=${size}`,
    );
    expect(new Set(workloads).size).toBe(2);
    const rtt = [...raw.matchAll(/^rtt min\/avg\/max\/mdev = ([\d.]+)\/([\d.]+)\/([\d.]+)\/([\d.]+) ms$/gm)];
    const result = parseFixture(parser, "ping", "loop-sizes.txt");
    for (const [metric, group] of [
      ["rtt_min", 1],
      ["rtt_avg", 2],
      ["rtt_max", 3],
    ] as const) {
      const got = metricRuns(result, metric);
      const expected = expectedRuns(
        workloads,
        rtt.map((m) => Number(m[group]) * 1e6),
      );
      expectRunsCloseTo(got, expected, 6);
    }
    expect(result.samples.find((s) => s.workload.name !== "ping")?.workload.params).toEqual({
      transmitted: 3,
      size: 1000,
    });
    expect(result.command).toBe("ping 127.0.0.1");
  });
});
