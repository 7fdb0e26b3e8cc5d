import { describe, expect, it } from "vitest";
import { describeFixtureCases, matchValues, parseFixture, samplesByRun, sampleValues } from "./__test__/fixture-cases";
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
  // A custom command is its own test name, colons included.
  [
    "quiet-custom-colon.txt",
    {
      "redis incr counter:__rand_int__ requests_per_s": 57142.86,
      "redis incr counter:__rand_int__ latency_p50": 47_000,
    },
  ],
  // Logs of a shell loop (issue 18): each test of each run is a repetition of its workload.
  [
    "text-loop-c10-c20.txt",
    {
      "redis SET clients=10 data_size=3 requests_per_s#0": 37735.85,
      "redis SET clients=10 data_size=3 latency_avg#0": 168_000,
      "redis GET clients=10 data_size=3 latency_p99#0": 487_000,
      "redis SET clients=20 data_size=3 latency_avg#0": 297_000,
      "redis GET clients=20 data_size=3 latency_p95#0": 1_359_000,
      "redis SET clients=10 data_size=3 latency_avg#1": 127_000,
      "redis GET clients=10 data_size=3 latency_p99#1": 3_159_000,
      "redis SET clients=20 data_size=3 latency_max#1": 1_679_000,
      "redis GET clients=20 data_size=3 requests_per_s#1": 51282.05,
    },
  ],
  [
    "csv-loop.csv",
    {
      "redis SET requests_per_s#0": 48780.49,
      "redis GET latency_max#0": 7_471_000,
      "redis SET requests_per_s#1": 40000,
      "redis GET latency_p99#1": 255_000,
    },
  ],
  // `echo` and blank lines between the reports are passed over. --csv prints no clients, so the
  // -c 10 and -c 20 runs are repetitions of one workload: the output cannot tell them apart.
  [
    "csv-loop-echo.csv",
    {
      "redis SET requests_per_s#0": 21276.6,
      "redis GET latency_p95#0": 319_000,
      "redis SET latency_avg#1": 744_000,
      "redis GET latency_max#1": 10_895_000,
    },
  ],
  [
    "quiet-loop.txt",
    {
      "redis SET requests_per_s#0": 36363.64,
      "redis GET latency_p50#0": 119_000,
      "redis SET requests_per_s#1": 45454.55,
      "redis GET requests_per_s#1": 47619.05,
    },
  ],
];

const BROKEN: [string, string | RegExp][] = [
  ["truncated.txt", "line 55: SET: missing the 'latency summary (msec)' table (output cut short?)"],
  ["truncated.csv", /^invalid redis-benchmark CSV: Quote Not Closed/],
  ["csv-loop-truncated.csv", /^line 4: invalid redis-benchmark CSV \(report 2 of 2\): Quote Not Closed/],
  // -n 10 took under a millisecond: the rate is "inf", in every format (-q printed GET's alone).
  [
    "n10.txt",
    'line 21: SET: "inf" requests per second: too few requests to time (the test took under 1 ms; run more with -n)',
  ],
  ["n10-quiet.txt", 'line 2: GET: "inf" requests per second: too few requests to time'],
  ["n10.csv", 'line 2: SET: "inf" requests per second: too few requests to time'],
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

  it("splits a loop's runs into workloads by the settings they print, each run with every metric", () => {
    const runs = (name: string) =>
      [...samplesByRun(parseFixture(parser, "redis-benchmark", name))].map(([run, samples]) => [run, samples.length]);
    expect(runs("text-loop-c10-c20.txt")).toEqual(
      [0, 1].flatMap((r) =>
        [10, 20].flatMap((c) => ["SET", "GET"].map((t) => [`redis ${t} clients=${c} data_size=3#${r}`, 7])),
      ),
    );
    expect(runs("csv-loop.csv")).toEqual([0, 1].flatMap((r) => ["SET", "GET"].map((t) => [`redis ${t}#${r}`, 7])));
    expect(runs("quiet-loop.txt")).toEqual([0, 1].flatMap((r) => ["SET", "GET"].map((t) => [`redis ${t}#${r}`, 2])));
  });
});
