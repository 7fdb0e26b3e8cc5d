import { describe, expect, it } from "vitest";
import { describeFixtureCases, matchValues, parseFixture, sampleValues } from "./__test__/fixture-cases";
import { redisBenchmarkParser as parser } from "./redis-benchmark";
import type { ParserOptions } from "./types";

const valuesOf = (name: string, options?: ParserOptions) =>
  sampleValues(parseFixture(parser, "redis-benchmark", name, options));

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
    {
      "redis SET clients=20 data_size=256 requests_per_s": 273972.59,
      "redis GET clients=20 data_size=256 latency_p50": 359_000,
    },
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
  [
    "empty.txt",
    "not a redis-benchmark report: expected a --csv header, '====== TEST ======' blocks or 'TEST: N requests per second' lines",
  ],
  [
    "wrong-tool.txt",
    "not a redis-benchmark report: expected a --csv header, '====== TEST ======' blocks or 'TEST: N requests per second' lines",
  ],
];

describe("redis-benchmark parser", () => {
  describeFixtureCases({ parser, tool: "redis-benchmark", good: GOOD, read: matchValues(), broken: BROKEN });

  it("emits rps and six latencies per test in the csv and text reports, rps and p50 with -q", () => {
    expect(Object.keys(valuesOf("csv.csv"))).toHaveLength(3 * 7);
    expect(Object.keys(valuesOf("text.txt"))).toHaveLength(3 * 7);
    expect(Object.keys(valuesOf("quiet.txt"))).toHaveLength(3 * 2);
  });

  it("keys workloads by test and the settings the report prints", () => {
    const [sample] = parseFixture(parser, "redis-benchmark", "text.txt").samples;
    expect(sample?.workload).toEqual({
      name: "redis SET clients=20 data_size=3",
      category: "database",
      params: { test: "SET", clients: 20, data_size: 3 },
    });
  });

  it("takes settings the output omits (-P) from the manifest, printed ones win", () => {
    const values = valuesOf("pipeline-16-d256.txt", { pipeline: 16, data_size: 3 });
    expect(values["redis GET clients=20 pipeline=16 data_size=256 requests_per_s"]).toBe(444444.44);
    expect(() => valuesOf("csv.csv", { pipeline: "16" })).toThrow(/invalid redis-benchmark options/);
  });
});
