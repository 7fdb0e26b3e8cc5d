import { describe, expect, it } from "vitest";
import { describeFixtureCases, matchValues, parseFixture, readFirecrackerRaw } from "./__test__/fixture-cases";
import { psParser as parser } from "./ps";

const parse = (name: string) => parseFixture(parser, "ps", name);

// VSZ and RSS are KiB: value * 1024 = bytes.
const GOOD: [string, Record<string, number>][] = [
  ["sleep.txt", { "ps sleep vsz": 2920 * 1024, "ps sleep rss": 1884 * 1024 }],
  ["redis-server.txt", { "ps redis-server vsz": 63384 * 1024, "ps redis-server rss": 7856 * 1024 }],
  [
    "sleep-3.txt",
    {
      "ps sleep rss#0": 1884 * 1024,
      "ps sleep rss#1": 1796 * 1024,
      "ps sleep rss#2": 1832 * 1024,
      "ps sleep vsz#2": 2920 * 1024,
    },
  ],
  ["mixed.txt", { "ps redis-server rss": 7856 * 1024, "ps sleep rss": 1884 * 1024 }],
];

const BROKEN: [string, string][] = [
  ["truncated.txt", "line 2: expected 4 columns (PID, VSZ, RSS, COMMAND), got 3"],
  ["empty.txt", "line 1: expected a ps header row with PID, VSZ or RSS, and COMMAND columns"],
  ["wrong-tool.txt", "line 1: expected a ps header row with PID, VSZ or RSS, and COMMAND columns"],
  // Found by fuzz.test.ts: an RSS too large for bytes used to come back as Infinity.
  ["issue-7-2.txt", "1e+308 KiB is out of range: not a finite number of bytes"],
];

describe("ps parser", () => {
  describeFixtureCases({
    parser,
    tool: "ps",
    good: GOOD,
    read: matchValues(),
    broken: BROKEN,
    copiesElsewhere: ["pmap/wrong-tool.txt"],
  });

  it("names the workload after the program and keeps the full command line as the command", () => {
    const result = parse("redis-server.txt");
    expect(result.command).toBe("redis-server 127.0.0.1:6390");
    expect(result.samples[0]?.workload).toEqual({
      name: "ps redis-server",
      category: "footprint",
      params: { command: "redis-server" },
    });
    expect(result.samples.every((s) => s.repetition === undefined)).toBe(true);
  });

  it("sums every process into vsz_total and rss_total with the manifest option sum: true", () => {
    const sum = (name: string) => parseFixture(parser, "ps", name, { sum: true }).samples;
    // sleep-3.txt: RSS 1884 + 1796 + 1832 KiB, VSZ 3 x 2920 KiB.
    const workload = { name: "ps total sleep", category: "footprint", params: { command: "sleep", processes: 3 } };
    expect(sum("sleep-3.txt")).toEqual([
      { workload, metric: "vsz_total", unit: "bytes", value: 3 * 2920 * 1024 },
      { workload, metric: "rss_total", unit: "bytes", value: (1884 + 1796 + 1832) * 1024 },
    ]);
    // Two programs (a sandbox's Sentry and Gofer, say) become one workload named after both, sorted.
    expect(sum("mixed.txt").map((s) => [s.workload.name, s.metric, s.value])).toEqual([
      ["ps total redis-server+sleep", "vsz_total", (2920 + 63384) * 1024],
      ["ps total redis-server+sleep", "rss_total", (1884 + 7856) * 1024],
    ]);
    expect(sum("sleep.txt").every((s) => s.repetition === undefined)).toBe(true);
  });

  it("rejects a sum option that is not a boolean, and unknown options, naming them", () => {
    expect(() => parseFixture(parser, "ps", "sleep.txt", { sum: "yes" })).toThrow(
      /invalid ps options in the manifest:[\s\S]*sum/,
    );
    expect(() => parseFixture(parser, "ps", "sleep.txt", { total: true })).toThrow(
      /invalid ps options in the manifest/,
    );
  });

  it("reads the Firecracker paper's ps outputs", () => {
    const raw = readFirecrackerRaw("mem-fc-128.txt");
    expect(parser.detect(raw, "mem-fc-128.txt")).toBe(true);
    const result = parser.parse(raw, { fileName: "mem-fc-128.txt" });
    expect(result.command).toBe("../bin/firecracker --no-api --config-file /tmp/fc-0.json");
    expect(result.samples.map((s) => [s.workload.name, s.metric, s.value])).toEqual([
      ["ps firecracker", "vsz", 135380 * 1024],
      ["ps firecracker", "rss", 132512 * 1024],
    ]);
  });
});
