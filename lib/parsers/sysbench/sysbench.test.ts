import { describe, expect, it } from "vitest";
import {
  allMatches,
  describeFixtureCases,
  expectedRuns,
  matchWorkloadMetrics,
  metricRuns,
  sampleValues,
} from "../__test__/fixture-cases";
import { readFixture } from "../__test__/fixtures";
import { sysbenchParser as parser } from "./sysbench";
import type { ParserOptions } from "../types";

const MiB = 1024 ** 2;

// The file name is a parameter: some tests check what a name that says nothing leaves to the content.
const parse = (name: string, fileName = name, options?: ParserOptions) =>
  parser.parse(readFixture("sysbench", name), { fileName, options });

const metricsOf = (name: string) => sampleValues(parse(name), { metricOnly: true });

// Values copied from the fixture text, converted by hand: ms -> ns, MiB/s -> B/s.
const GOOD = [
  [
    "cpu.txt",
    "sysbench cpu max_prime=10000 threads=1",
    "cpu",
    {
      events_per_s: 4191.58,
      total_time: 3_000_500_000,
      total_events: 12588,
      latency_min: 220_000,
      latency_avg: 240_000,
      latency_max: 2_410_000,
      latency_p95: 270_000,
    },
  ],
  [
    "cpu-2threads.txt",
    "sysbench cpu max_prime=20000 threads=2",
    "cpu",
    { events_per_s: 2940.1, total_events: 8842, latency_p95: 750_000 },
  ],
  [
    "memory.txt",
    "sysbench memory write bs=1KiB scope=global threads=1",
    "memory",
    { operations_per_s: 5915066.77, transfer_rate: 5776.43 * MiB, total_events: 17783681, latency_max: 4_160_000 },
  ],
  [
    "memory-read-rnd.txt",
    "sysbench memory read bs=4KiB scope=global threads=1",
    "memory",
    { operations_per_s: 1204902.14, transfer_rate: 4706.65 * MiB, total_time: 215_000_000 },
  ],
  [
    "threads.txt",
    "sysbench threads threads=1",
    "syscall",
    { total_events: 2132, latency_avg: 1_410_000, latency_p95: 1_860_000 },
  ],
  ["threads-verbose.txt", "sysbench threads threads=2", "syscall", { total_events: 2785, latency_max: 8_600_000 }],
  [
    "mutex.txt",
    "sysbench mutex threads=1",
    "syscall",
    { total_events: 1, latency_avg: 185_490_000, latency_p95: 186_540_000 },
  ],
  ["mutex-verbose.txt", "sysbench mutex threads=2", "syscall", { total_events: 2, total_time: 168_500_000 }],
  [
    "fileio-rndrw.txt",
    "sysbench fileio rndrw bs=16KiB io=sync threads=1",
    "disk",
    {
      reads_per_s: 17440.85,
      writes_per_s: 11627.24,
      fsyncs_per_s: 1164.06,
      read_bw: 272.51 * MiB,
      write_bw: 181.68 * MiB,
      latency_avg: 30_000,
    },
  ],
  [
    "fileio-seqwr.txt",
    "sysbench fileio seqwr bs=1MiB io=sync threads=1",
    "disk",
    { writes_per_s: 1631.53, fsyncs_per_s: 65.54, write_bw: 1631.53 * MiB, total_events: 5175 },
  ],
  [
    "fileio-seqrd.txt",
    "sysbench fileio seqrd bs=16KiB io=sync threads=1",
    "disk",
    { reads_per_s: 220855.25, read_bw: 3450.86 * MiB },
  ],
  [
    "fileio-rndrd-mmap-2threads.txt",
    "sysbench fileio rndrd bs=16KiB io=mmap threads=2",
    "disk",
    { reads_per_s: 738303.4, read_bw: 11535.99 * MiB },
  ],
  [
    "fileio-rndwr-async-direct.txt",
    "sysbench fileio rndwr bs=16KiB io=async flags=directio threads=1",
    "disk",
    { writes_per_s: 52794.32, fsyncs_per_s: 1.96, write_bw: 824.91 * MiB },
  ],
  // --file-fsync-all=on: a workload of its own, not the default rndrw run's (fileio-rndrw.txt).
  [
    "fileio-rndrw-fsync-all.txt",
    "sysbench fileio rndrw bs=16KiB io=sync fsync=all threads=1",
    "disk",
    {
      reads_per_s: 6021.84,
      writes_per_s: 4014.89,
      fsyncs_per_s: 4014.89,
      read_bw: 94.09 * MiB,
      write_bw: 62.73 * MiB,
      total_events: 20084,
      latency_avg: 100_000,
      latency_p95: 310_000,
    },
  ],
  [
    "oltp_read_write.txt",
    "sysbench oltp_read_write threads=1",
    "database",
    {
      transactions_per_s: 227.41,
      queries_per_s: 4548.3,
      ignored_errors_per_s: 0,
      reconnects_per_s: 0,
      total_events: 1138,
      latency_min: 1_530_000,
      latency_p95: 15_550_000,
    },
  ],
  [
    "oltp_point_select.txt",
    "sysbench oltp_point_select threads=2",
    "database",
    { transactions_per_s: 44536.89, queries_per_s: 44536.89, latency_p95: 90_000 },
  ],
  [
    "oltp_read_only-p99-histogram.txt",
    "sysbench oltp_read_only threads=1",
    "database",
    { transactions_per_s: 757.94, latency_max: 16_350_000, latency_p99: 5_470_000 },
  ],
  [
    "oltp_write_only-report-interval.txt",
    "sysbench oltp_write_only threads=1",
    "database",
    { transactions_per_s: 1520.99, queries_per_s: 9125.96 },
  ],
] as const;

const BROKEN: [string, string][] = [
  ["truncated-before-stats.txt", "missing the 'General statistics:' section (output cut short?)"],
  ["truncated-in-latency.txt", "missing latency avg (expected a 'avg:' line under 'Latency (ms):')"],
  ["truncated-before-fairness.txt", "missing the 'Threads fairness' section that ends a report (output cut short?)"],
  [
    "fileio-prepare.txt",
    "a sysbench prepare/cleanup log, not a 'run' report: there is no 'General statistics:' section",
  ],
  [
    "fileio-cleanup.txt",
    "a sysbench prepare/cleanup log, not a 'run' report: there is no 'General statistics:' section",
  ],
  ["oltp-prepare.txt", "a sysbench prepare/cleanup log, not a 'run' report: there is no 'General statistics:' section"],
  ["oltp-cleanup.txt", "a sysbench prepare/cleanup log, not a 'run' report: there is no 'General statistics:' section"],
  ["empty.txt", "empty input"],
  [
    "truncated-loop-last-run.txt",
    "line 104: run 4 of 4 (lines 104-115): missing the 'General statistics:' section (output cut short?)",
  ],
  // The run failed (no prepare): its FATAL line says why, not a guess that the log was cut short.
  [
    "fileio-loop-fatal.txt",
    `line 49: run 2 of 2 (lines 32-50): sysbench failed: "FATAL: Cannot open file 'test_file.0' errno = 2 (No such file or directory)" (no 'General statistics:' section)`,
  ],
  [
    "wrong-tool-ping.txt",
    "not a sysbench report: no 'sysbench <version> (using ...)' header and no 'General statistics:' section",
  ],
];

describe("sysbench parser", () => {
  describeFixtureCases({
    parser,
    tool: "sysbench",
    good: GOOD,
    broken: BROKEN,
    read: (result, [name, workload, category, expected]) => {
      expect(result.toolVersion).toBe("1.0.20");
      expect(result.samples[0]?.workload.category).toBe(category);
      matchWorkloadMetrics(2)(result, [name, workload, expected]);
    },
    testedElsewhere: [
      "cpu-checkpoints.txt",
      "cpu-percentile-off.txt",
      "cpu-rate200.txt",
      "issue-7-1.txt",
      "cpu-loop-threads.txt",
      "fileio-loop-prepare-cleanup.txt",
    ],
  });

  it("keeps units, directions and printed parameters", () => {
    const samples = parse("fileio-rndrw.txt").samples;
    const unitOf = Object.fromEntries(samples.map((s) => [s.metric, s.unit]));
    expect(unitOf).toMatchObject({
      reads_per_s: "ops_per_s",
      read_bw: "bytes_per_s",
      latency_p95: "ns",
      total_events: "count",
    });
    expect(samples.find((s) => s.metric === "total_events")?.direction).toBe("higher");
    expect(samples[0]?.workload.params).toEqual({
      test: "fileio",
      mode: "rndrw",
      block_size: 16384,
      file_num: 4,
      file_total_size: 64 * MiB,
      io_mode: "sync",
      fsync_freq: 100,
      rw_ratio: 1.5,
      threads: 1,
    });
    expect(parse("fileio-rndwr-async-direct.txt").samples[0]?.workload.params).toMatchObject({
      fsync_freq: 0,
      extra_flags: "directio",
    });
    expect(parse("memory.txt").samples[0]?.workload.params).toEqual({
      test: "memory",
      operation: "write",
      block_size: 1024,
      total_size: 102400 * MiB,
      scope: "global",
      threads: 1,
    });
    expect(parse("oltp_read_write.txt").samples.find((s) => s.metric === "ignored_errors_per_s")?.direction).toBe(
      "lower",
    );
  });

  it("records --file-fsync-all=on, which overrides the periodic fsync", () => {
    expect(parse("fileio-rndrw-fsync-all.txt").samples[0]?.workload.params).toMatchObject({
      fsync_freq: 0,
      fsync_all: true,
    });
    expect(parse("fileio-rndrw.txt").samples[0]?.workload.params).not.toHaveProperty("fsync_all");
  });

  it("leaves out values that are not results: 0.00 ms latencies and the idle direction of a fileio mode", () => {
    expect(Object.keys(metricsOf("memory.txt"))).not.toContain("latency_avg");
    expect(Object.keys(metricsOf("fileio-seqwr.txt"))).not.toContain("reads_per_s");
    expect(Object.keys(metricsOf("fileio-seqrd.txt"))).not.toContain("write_bw");
    expect(Object.keys(metricsOf("oltp_read_only-p99-histogram.txt"))).not.toContain("latency_p95");
  });

  it("reads a run with percentile stats disabled", () => {
    const metrics = metricsOf("cpu-percentile-off.txt");
    expect(metrics).toMatchObject({ events_per_s: 3575.36, total_events: 3596, latency_max: 4_780_000 });
    expect(Object.keys(metrics).filter((m) => m.startsWith("latency_p"))).toEqual([]);
  });

  it("puts --rate into the workload", () => {
    const { workload } = parse("cpu-rate200.txt").samples[0] ?? {};
    expect(workload?.name).toBe("sysbench cpu max_prime=10000 threads=1 rate=200");
    expect(workload?.params).toMatchObject({ rate: 200, threads: 1 });
    expect(metricsOf("cpu-rate200.txt")).toMatchObject({ events_per_s: 201.82, latency_p95: 460_000 });
  });

  it("reads each --report-checkpoints report as a repetition, without the cumulative total time", () => {
    const samples = parse("cpu-checkpoints.txt").samples;
    const eps = samples.filter((s) => s.metric === "events_per_s").map((s) => [s.repetition, s.value]);
    expect(eps).toEqual([
      [0, 3733.16],
      [1, 4225.63],
    ]);
    expect(samples.filter((s) => s.metric === "total_events").map((s) => s.value)).toEqual([3745, 8444]);
    expect(samples.filter((s) => s.metric === "latency_p95").map((s) => s.value)).toEqual([390_000, 300_000]);
    expect(samples.some((s) => s.metric === "total_time")).toBe(false);
    expect(parse("cpu.txt").samples.every((s) => s.repetition === undefined)).toBe(true);
  });

  it("reads many checkpoint reports in linear time (issue 7: 3.7 s for this file before, under 0.1 s after)", () => {
    const started = performance.now();
    const samples = parse("issue-7-1.txt").samples;
    const ms = performance.now() - started;
    // 360 copies of cpu-checkpoints.txt: 720 reports, each a repetition with its own numbers.
    expect(samples.filter((s) => s.metric === "events_per_s").map((s) => s.value)).toEqual(
      Array.from({ length: 360 }, () => [3733.16, 4225.63]).flat(),
    );
    expect(samples.at(-1)?.repetition).toBe(719);
    expect(ms, "parse time in ms").toBeLessThan(1000);
  });

  it.each([
    ["oltp_read_write.txt", "oltp_read_write"],
    ["oltp_point_select.txt", "oltp_point_select"],
    ["oltp_read_only-p99-histogram.txt", "oltp_read_only"],
    ["oltp_write_only-report-interval.txt", "oltp_write_only"],
    ["threads.txt", "threads"],
    ["mutex.txt", "mutex"],
  ])("names %s from its content when the file name says nothing", (name, test) => {
    expect(parse(name, "run.txt").samples[0]?.workload.params.test).toBe(test);
  });

  it("takes the test name from options.test, and refuses one that contradicts the content", () => {
    expect(parse("oltp_read_write.txt", "run.txt", { test: "tpcc_like" }).samples[0]?.workload.name).toBe(
      "sysbench tpcc_like threads=1",
    );
    expect(parse("threads.txt", "run.txt", { test: "mutex" }).samples[0]?.workload.params.test).toBe("mutex");
    expect(() => parse("cpu.txt", "run.txt", { test: "memory" })).toThrow(
      'options.test "memory" does not match this report (a sysbench cpu run)',
    );
    expect(() => parse("mutex.txt", "run.txt", { test: "cpu" })).toThrow(
      'options.test "cpu" does not match this report (a sysbench threads or mutex run)',
    );
    expect(() => parse("cpu.txt", "run.txt", { test: 3 })).toThrow(
      'options.test must be a sysbench test name such as "oltp_read_write", got 3',
    );
    expect(() => parse("threads-verbose.txt", "run.txt", { test: "mutex" })).toThrow(
      'options.test "mutex" does not match this report (a sysbench threads run)',
    );
  });

  describe("several runs in one log (a shell loop)", () => {
    it("reads each run as a repetition of its workload, the thread count splitting workloads", () => {
      const raw = readFixture("sysbench", "cpu-loop-threads.txt");
      const workloads = allMatches(raw, /^Number of threads: (\d+)$/gm).map(
        (t) => `sysbench cpu max_prime=10000 threads=${t}`,
      );
      const result = parse("cpu-loop-threads.txt");
      const number = (re: RegExp) => allMatches(raw, re).map(Number);
      expect(metricRuns(result, "events_per_s")).toEqual(
        expectedRuns(workloads, number(/^ +events per second: +([\d.]+)$/gm)),
      );
      expect(metricRuns(result, "total_events")).toEqual(
        expectedRuns(workloads, number(/^ +total number of events: +(\d+)$/gm)),
      );
      // Each run is a whole run, not a checkpoint: its total time is its own.
      expect(metricRuns(result, "total_time")).toEqual(
        expectedRuns(
          workloads,
          number(/^ +total time: +([\d.]+)s$/gm).map((s) => Math.round(s * 1e9)),
        ),
      );
      expect(new Set(workloads).size).toBe(2);
      expect(result.toolVersion).toBe("1.0.20");
    });

    it("passes over the prepare and cleanup steps logged around the runs", () => {
      const raw = readFixture("sysbench", "fileio-loop-prepare-cleanup.txt");
      const modes: Record<string, string> = { "sequential read": "seqrd", "random read": "rndrd" };
      const workloads = allMatches(raw, /^Doing (.+) test$/gm).map(
        (m) => `sysbench fileio ${modes[m]} bs=16KiB io=sync threads=1`,
      );
      expect(workloads).toHaveLength(4);
      const reads = allMatches(raw, /^ +reads\/s: +([\d.]+)$/gm).map(Number);
      expect(metricRuns(parse("fileio-loop-prepare-cleanup.txt"), "reads_per_s")).toEqual(
        expectedRuns(workloads, reads),
      );
    });

    it("still numbers checkpoint reports within each run", () => {
      // issue-7-1.txt is 360 copies of a run with two checkpoint reports.
      const samples = parse("issue-7-1.txt").samples.filter((s) => s.metric === "events_per_s");
      expect(samples.map((s) => s.repetition)).toEqual(Array.from({ length: 720 }, (_, i) => i));
    });
  });
});
