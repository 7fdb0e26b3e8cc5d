import { describe, expect, it } from "vitest";
import { listFixtures, readFixture } from "./fixtures";
import { redisBenchmarkParser as parser } from "./redis-benchmark";
import type { ParserOptions } from "./types";

/** `workload metric` -> value, for compact expectations. */
function valuesOf(name: string, options?: ParserOptions): Record<string, number> {
  const { samples } = parser.parse(readFixture("redis-benchmark", name), { fileName: name, options });
  return Object.fromEntries(samples.map((s) => [`${s.workload.name} ${s.metric}`, s.value]));
}

// Expected values are the fixture's numbers converted by hand: ms * 1e6 = ns.
const GOOD: [string, Record<string, number>][] = [
  [
    "csv.csv",
    {
      "redis SET requests_per_s": 33222.59,
      "redis SET latency_avg": 373_000,
      "redis SET latency_min": 72_000,
      "redis GET latency_p99": 1_007_000,
      "redis LPUSH latency_max": 11_103_000,
    },
  ],
  [
    "text.txt",
    {
      "redis SET clients=20 data_size=3 requests_per_s": 34423.41,
      "redis SET clients=20 data_size=3 latency_avg": 357_000,
      "redis SET clients=20 data_size=3 latency_p95": 607_000,
      "redis GET clients=20 data_size=3 latency_p99": 2_031_000,
      "redis LPUSH clients=20 data_size=3 latency_max": 5_711_000,
    },
  ],
  [
    "pipeline-16-d256.txt",
    { "redis SET clients=20 data_size=256 requests_per_s": 273972.59, "redis GET clients=20 data_size=256 latency_p50": 359_000 },
  ],
  [
    "quiet.txt",
    { "redis SET requests_per_s": 31595.58, "redis SET latency_p50": 335_000, "redis LPUSH requests_per_s": 27397.26 },
  ],
];

const BROKEN: [string, string | RegExp][] = [
  ["truncated.txt", "line 55: SET: missing the 'latency summary (msec)' table (output cut short?)"],
  ["truncated.csv", /^invalid redis-benchmark CSV: Quote Not Closed/],
  ["truncated-quiet.txt", "no 'TEST: N requests per second' result lines (output cut short?)"],
  ["empty.txt", "not a redis-benchmark report: expected a --csv header, '====== TEST ======' blocks or 'TEST: N requests per second' lines"],
  ["wrong-tool.txt", "not a redis-benchmark report: expected a --csv header, '====== TEST ======' blocks or 'TEST: N requests per second' lines"],
];

describe("redis-benchmark parser", () => {
  it.each(GOOD)("reads %s", (name, expected) => {
    expect(parser.detect(readFixture("redis-benchmark", name), name)).toBe(true);
    expect(valuesOf(name)).toMatchObject(expected);
  });

  it("emits rps and six latencies per test in the csv and text reports, rps and p50 with -q", () => {
    expect(Object.keys(valuesOf("csv.csv"))).toHaveLength(3 * 7);
    expect(Object.keys(valuesOf("text.txt"))).toHaveLength(3 * 7);
    expect(Object.keys(valuesOf("quiet.txt"))).toHaveLength(3 * 2);
  });

  it("keys workloads by test and the settings the report prints", () => {
    const [sample] = parser.parse(readFixture("redis-benchmark", "text.txt"), { fileName: "text.txt" }).samples;
    expect(sample?.workload).toEqual({ name: "redis SET clients=20 data_size=3", category: "database", params: { test: "SET", clients: 20, data_size: 3 } });
  });

  it("takes settings the output omits (-P) from the manifest, printed ones win", () => {
    const values = valuesOf("pipeline-16-d256.txt", { pipeline: 16, data_size: 3 });
    expect(values["redis GET clients=20 pipeline=16 data_size=256 requests_per_s"]).toBe(444444.44);
    expect(() => valuesOf("csv.csv", { pipeline: "16" })).toThrow(/invalid redis-benchmark options/);
  });

  it.each(BROKEN)("rejects %s", (name, message) => {
    expect(() => valuesOf(name)).toThrow(message);
  });

  it("has a case for every fixture", () => {
    expect([...GOOD, ...BROKEN].map(([name]) => name).sort()).toEqual(listFixtures("redis-benchmark"));
  });

  it("does not claim empty input, other tools' output or ping output", () => {
    expect(parser.detect("", "x.txt")).toBe(false);
    expect(parser.detect(readFixture("redis-benchmark", "wrong-tool.txt"), "wrong-tool.txt")).toBe(false);
    for (const name of listFixtures("ping")) expect(parser.detect(readFixture("ping", name), name)).toBe(false);
  });
});
