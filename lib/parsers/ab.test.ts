import { describe, expect, it } from "vitest";
import { abParser as parser } from "./ab";
import {
  describeFixtureCases,
  matchWorkloadMetrics,
  parseFixture,
  samplesByRun,
  sampleValues,
} from "./__test__/fixture-cases";
import { readFixture } from "./__test__/fixtures";

const parse = (name: string) => parseFixture(parser, "ab", name);
const metricsOf = (name: string) => sampleValues(parse(name), { metricOnly: true });

// Values copied from the fixtures: ms * 1e6 → ns, Kbytes/sec * 1024 → B/s.
const GOOD: [string, string, Record<string, number>][] = [
  [
    "nginx-n2000-c16.txt",
    "ab / n=2000 c=16",
    {
      requests_per_s: 11889.62,
      time_per_request: 1.346e6,
      time_per_request_all: 0.084e6,
      transfer_rate: 3076.9 * 1024,
      failed_requests: 0,
      non_2xx_responses: 0,
      connect_time_max: 4e6,
      processing_time_median: 1e6,
      waiting_time_max: 5e6,
      total_time_min: 1e6,
      total_time_max: 6e6,
      latency_p50: 1e6,
      latency_p90: 2e6,
      latency_p99: 3e6,
      latency_p100: 6e6,
    },
  ],
  [
    "nginx-404.txt",
    "ab /missing n=2000 c=16",
    { requests_per_s: 8350.7, non_2xx_responses: 2000, total_time_mean: 2e6, latency_p100: 41e6 },
  ],
  [
    "nginx-keepalive.txt",
    "ab / n=500 c=8 keepalive",
    { requests_per_s: 15250.41, time_per_request: 0.525e6, latency_p80: 1e6 },
  ],
  [
    "nginx-length-failures.txt",
    "ab /vary n=2000 c=16",
    { requests_per_s: 18056.08, failed_requests: 443, transfer_rate: 2595.94 * 1024 },
  ],
];

const BROKEN: [string, string][] = [
  ["refused.txt", "line 5: ab stopped: apr_socket_recv: Connection refused (111)"],
  ["truncated.txt", "missing the 'Total:' row of the Connection Times table (output cut short?)"],
  ["empty.txt", "empty input: expected ApacheBench output ('This is ApacheBench, Version ...')"],
  [
    "loop-truncated.txt",
    "line 167: run 4 of 4 (lines 167-205): missing the 'Processing:' row of the Connection Times table (output cut short?)",
  ],
  ["wrong-tool-wrk.txt", "missing Concurrency Level (expected a line matching ^Concurrency Level:\\s+(\\d+)$)"],
];

describe("ab parser", () => {
  describeFixtureCases({
    parser,
    tool: "ab",
    good: GOOD,
    read: matchWorkloadMetrics(3),
    broken: BROKEN,
    testedElsewhere: ["loop-c1-c4.txt"],
    copiesElsewhere: ["wrk/wrong-tool-ab.txt"],
  });

  describe("a loop's log of several reports (issue 18)", () => {
    const log = readFixture("ab", "loop-c1-c4.txt");

    it("makes each report a repetition of its workload, and concurrency splits workloads", () => {
      const result = parse("loop-c1-c4.txt");
      expect(sampleValues(result)).toMatchObject({
        "ab / n=1000 c=1 requests_per_s#0": 8196.05,
        "ab / n=1000 c=4 requests_per_s#0": 18597.04,
        "ab / n=1000 c=1 requests_per_s#1": 8030.0,
        "ab / n=1000 c=4 requests_per_s#1": 17998.24,
        "ab / n=1000 c=4 time_per_request_all#0": 0.054e6,
        "ab / n=1000 c=1 transfer_rate#1": 2078.08 * 1024,
        "ab / n=1000 c=1 latency_p100#1": 2e6,
        "ab / n=1000 c=4 total_time_max#1": 1e6,
      });
      const perRun = samplesByRun(result);
      expect([...perRun.keys()]).toEqual([
        "ab / n=1000 c=1#0",
        "ab / n=1000 c=4#0",
        "ab / n=1000 c=1#1",
        "ab / n=1000 c=4#1",
      ]);
      for (const samples of perRun.values()) expect(samples).toHaveLength(32);
      expect(result.toolVersion).toBe("2.3");
      expect(result.command, "the runs' commands differ").toBeUndefined();
    });

    it("reads each report as it reads the report alone (progress lines and echo lines ignored)", () => {
      const reports = log.split(/^(?==== ab)/m);
      expect(reports).toHaveLength(4);
      const alone = reports.map((text) => parser.parse(text, { fileName: "one.txt" }).samples);
      const withoutRepetition = parse("loop-c1-c4.txt").samples.map(({ repetition: _, ...s }) => s);
      expect(withoutRepetition).toEqual(alone.flat());
    });
  });

  it("emits all four Connection Times rows and nine percentiles", () => {
    const metrics = Object.keys(metricsOf("nginx-n2000-c16.txt"));
    for (const row of ["connect", "processing", "waiting", "total"]) {
      for (const col of ["min", "mean", "median", "max"]) expect(metrics).toContain(`${row}_time_${col}`);
    }
    expect(metrics.filter((m) => m.startsWith("latency_p"))).toEqual(
      ["50", "66", "75", "80", "90", "95", "98", "99", "100"].map((p) => `latency_p${p}`),
    );
  });

  it("reads version, workload parameters and the equivalent command", () => {
    const result = parse("nginx-keepalive.txt");
    expect(result.toolVersion).toBe("2.3");
    expect(result.command).toBe("ab -n 500 -c 8 -k http://127.0.0.1:8391/");
    expect(result.samples[0]?.workload).toEqual({
      name: "ab / n=500 c=8 keepalive",
      category: "web",
      params: { path: "/", requests: 500, concurrency: 8, keepalive: true },
    });
  });
});
