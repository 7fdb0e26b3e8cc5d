import { describe, expect, it } from "vitest";
import {
  describeFixtureCases,
  matchWorkloadMetrics,
  parseFixture,
  samplesByRun,
  sampleValues,
} from "./__test__/fixture-cases";
import { readFixture } from "./__test__/fixtures";
import { wrkParser as parser } from "./wrk";

const parse = (name: string) => parseFixture(parser, "wrk", name);
const metricsOf = (name: string) => sampleValues(parse(name), { metricOnly: true });

// Values copied from the fixtures; wrk's "MB" is MiB (units.c scales by 1024).
const MiB = 1024 ** 2;
const GOOD: [string, string, Record<string, number>][] = [
  [
    "nginx-t2-c16.txt",
    "wrk / t=2 c=16 d=3s",
    {
      requests_per_s: 17739.73,
      transfer_rate: 4.57 * MiB,
      latency_avg: 1.56e6,
      latency_stdev: 3.75e6,
      latency_max: 55.01e6,
      socket_errors_read: 0,
      non_2xx_responses: 0,
    },
  ],
  [
    "nginx-t2-c16-latency.txt",
    "wrk / t=2 c=16 d=3s",
    {
      requests_per_s: 23328.95,
      transfer_rate: 6.01 * MiB,
      latency_avg: 2.49e6,
      latency_max: 110.61e6,
      latency_p50: 526e3,
      latency_p75: 1.03e6,
      latency_p90: 4.51e6,
      latency_p99: 41.92e6,
    },
  ],
  [
    "nginx-404.txt",
    "wrk /missing t=2 c=16 d=2s",
    { requests_per_s: 37586.97, latency_avg: 809.6e3, non_2xx_responses: 75778 },
  ],
  // Percentiles of a second or more: "1.30s " (units.c pads the unit to two characters).
  [
    "next-slow-seconds.txt",
    "wrk /api/overhead?dataset=synthetic-0001&host=synthetic-host-1&baseline=runc&view=overhead&asof=56 t=1 c=16 d=3s",
    {
      latency_p50: 635.09e6,
      latency_p90: 1.0e9,
      latency_p99: 1.3e9,
      latency_max: 1.3e9,
      socket_errors_timeout: 1,
    },
  ],
  [
    "nginx-404-latency.txt",
    "wrk /missing t=2 c=16 d=2s",
    { requests_per_s: 46747.49, latency_p50: 185e3, latency_p99: 4.74e6, non_2xx_responses: 94010 },
  ],
  [
    "nginx-t2-c300-errors-latency.txt",
    "wrk / t=2 c=300 d=2s",
    {
      requests_per_s: 31215.18,
      latency_p50: 7.22e6,
      latency_p99: 363.06e6,
      socket_errors_read: 493,
      socket_errors_timeout: 0,
    },
  ],
  [
    "nginx-t2-c300-errors.txt",
    "wrk / t=2 c=300 d=2s",
    {
      requests_per_s: 3599.64,
      transfer_rate: 0.93 * MiB,
      socket_errors_connect: 0,
      socket_errors_read: 3886,
      socket_errors_write: 0,
      socket_errors_timeout: 213,
    },
  ],
  // Every response came after --timeout: "-nan%", no latency recorded, the counts still hold.
  [
    "slow-all-timeout.txt",
    "wrk /slow t=1 c=8 d=2s",
    { requests_per_s: 3.98, transfer_rate: 505.65, socket_errors_timeout: 8, non_2xx_responses: 0 },
  ],
  [
    "slow-all-timeout-latency.txt",
    "wrk /slow t=1 c=8 d=2s",
    { requests_per_s: 3.99, transfer_rate: 506.76, socket_errors_timeout: 8 },
  ],
];

const BROKEN: [string, string][] = [
  ["truncated.txt", "missing Transfer/sec (expected a line matching ^Transfer\\/sec:\\s+([\\d.]+)([KMGT]?B)$)"],
  [
    "loop-truncated.txt",
    "line 47: run 4 of 4 (lines 47-55): missing Requests/sec (expected a line matching ^Requests\\/sec:",
  ],
  ["empty.txt", "empty input: expected wrk output starting 'Running <T> test @ <url>'"],
  ["wrong-tool-ab.txt", "missing the 'Running <T> test @ <url>' header line"],
  [
    "slow-none-completed.txt",
    'line 6: no request completed ("0 requests in 1.01s, 0.00B read"): wrk measured no latency, request rate or transfer',
  ],
];

describe("wrk parser", () => {
  describeFixtureCases({
    parser,
    tool: "wrk",
    good: GOOD,
    read: matchWorkloadMetrics(3),
    broken: BROKEN,
    testedElsewhere: ["loop-c4-c8-latency.txt"],
    // Other tools' "wrong tool" fixtures are copies of wrk output.
    copiesElsewhere: ["ab/wrong-tool-wrk.txt", "iperf3/wrong-tool-wrk.txt"],
  });

  it("reports percentiles only with --latency", () => {
    expect(Object.keys(metricsOf("nginx-t2-c16.txt")).filter((m) => m.startsWith("latency_p"))).toEqual([]);
  });

  it.each(["slow-all-timeout.txt", "slow-all-timeout-latency.txt"])(
    "leaves out the latencies of %s, where wrk recorded none (a -nan stdev column), and keeps its counts",
    (name) => {
      expect(Object.keys(metricsOf(name)).sort()).toEqual([
        "non_2xx_responses",
        "requests_per_s",
        "socket_errors_connect",
        "socket_errors_read",
        "socket_errors_timeout",
        "socket_errors_write",
        "transfer_rate",
      ]);
    },
  );

  it("keeps the path, not the host, in the workload and the full URL in the command", () => {
    const { samples, command } = parse("nginx-t2-c16-latency.txt");
    expect(samples[0]?.workload).toEqual({
      name: "wrk / t=2 c=16 d=3s",
      category: "web",
      params: { path: "/", threads: 2, connections: 16, duration: 3 },
    });
    expect(command).toBe("wrk -t2 -c16 -d3s --latency http://127.0.0.1:8391/");
    expect(samples.find((s) => s.metric === "transfer_rate")?.unit).toBe("bytes_per_s");
  });

  describe("a loop's log of several reports (issue 18)", () => {
    it("makes each report a repetition of its workload, and connections split workloads", () => {
      const result = parse("loop-c4-c8-latency.txt");
      expect(sampleValues(result)).toMatchObject({
        "wrk / t=2 c=4 d=1s requests_per_s#0": 54261.87,
        "wrk / t=2 c=8 d=1s requests_per_s#0": 60828.7,
        "wrk / t=2 c=4 d=1s requests_per_s#1": 62036.28,
        "wrk / t=2 c=8 d=1s requests_per_s#1": 53719.52,
        "wrk / t=2 c=4 d=1s latency_avg#0": 84.46e3,
        "wrk / t=2 c=8 d=1s latency_max#0": 3.09e6,
        "wrk / t=2 c=4 d=1s latency_p99#1": 458e3,
        "wrk / t=2 c=8 d=1s latency_p99#1": 1.74e6,
      });
      expect(sampleValues(result)["wrk / t=2 c=8 d=1s transfer_rate#1"]).toBeCloseTo(13.83 * MiB, 3);
      const perRun = samplesByRun(result);
      expect([...perRun.keys()]).toEqual([
        "wrk / t=2 c=4 d=1s#0",
        "wrk / t=2 c=8 d=1s#0",
        "wrk / t=2 c=4 d=1s#1",
        "wrk / t=2 c=8 d=1s#1",
      ]);
      for (const samples of perRun.values()) expect(samples).toHaveLength(14);
      expect(result.command, "the runs' commands differ").toBeUndefined();
    });

    it("reads each report as it reads the report alone (echo lines ignored)", () => {
      const reports = readFixture("wrk", "loop-c4-c8-latency.txt").split(/^(?=--- wrk)/m);
      expect(reports).toHaveLength(4);
      const alone = reports.flatMap((text) => parser.parse(text, { fileName: "one.txt" }).samples);
      expect(parse("loop-c4-c8-latency.txt").samples.map(({ repetition: _, ...s }) => s)).toEqual(alone);
    });
  });
});
