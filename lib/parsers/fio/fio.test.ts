import { describe, expect, it } from "vitest";
import { fioParser as parser } from "./fio";
import {
  allMatches,
  describeFixtureCases,
  expectCloseTo,
  expectedRuns,
  expectRunsCloseTo,
  metricRuns,
  parseFixture,
  readFirecrackerRaw,
  sampleValues,
} from "../__test__/fixture-cases";
import { readFixture } from "../__test__/fixtures";
import type { ParamValue } from "../types";

const MiB = 1024 ** 2;
const parse = (name: string) => parseFixture(parser, "fio", name);

const weighted = (pairs: [value: number, weight: number][]) =>
  pairs.reduce((s, [v, w]) => s + v * w, 0) / pairs.reduce((s, [, w]) => s + w, 0);

// Every value below is copied from the fixture named on its row (JSON fields, or the normal
// output's lines); the conversion to ns / bytes per second is written out next to it.
const GOOD: [
  file: string,
  workload: string,
  params: Record<string, ParamValue>,
  expected: Record<string, number>,
  absent: string[],
][] = [
  [
    "randread-4k.json",
    "fio randread bs=4k iodepth=8 ioengine=libaio",
    { rw: "randread", bs: 4096, iodepth: 8, numjobs: 1, ioengine: "libaio", direct: 1, size: 16 * MiB },
    {
      read_iops: 61068.643785,
      read_bw: 250137164, // bw_bytes, not bw (KiB/s)
      read_slat_mean: 11018.025984,
      read_clat_mean: 119227.898378,
      read_lat_mean: 130245.924362,
      read_clat_p50: 108032,
      read_clat_p90: 146432,
      read_clat_p95: 175104,
      read_clat_p99: 257024,
      read_clat_p99_9: 2211840,
    },
    ["write_iops", "trim_iops"],
  ],
  [
    "randwrite-jsonplus.json",
    "fio randwrite bs=4k iodepth=1 ioengine=psync",
    { rw: "randwrite", bs: 4096, iodepth: 1, numjobs: 1, ioengine: "psync", size: 16 * MiB },
    {
      write_iops: 196272.906404,
      write_bw: 803933824,
      write_clat_mean: 3733.978395,
      write_lat_mean: 3777.719301,
      write_clat_p99: 27008,
    },
    // psync never times submission: slat_ns has N=0.
    ["write_slat_mean", "read_iops"],
  ],
  [
    "two-jobs.json",
    "fio randread bs=4k iodepth=4 ioengine=libaio",
    { rw: "randread", bs: 4096, iodepth: 4, numjobs: 1, ioengine: "libaio", direct: 1, size: 16 * MiB },
    { read_iops: 14652.673663, read_bw: 60017351, read_clat_p50: 152576 },
    ["write_iops"],
  ],
  [
    "two-jobs.json",
    "fio write bs=64k iodepth=2 ioengine=libaio",
    { rw: "write", bs: 65536, iodepth: 2, numjobs: 1, ioengine: "libaio", direct: 1, size: 16 * MiB },
    { write_iops: 6178.410795, write_bw: 404908329, write_slat_mean: 18028.501173 },
    ["read_iops"],
  ],
  [
    "numjobs2.json",
    "fio randread bs=4k iodepth=1 numjobs=2 ioengine=psync",
    { rw: "randread", bs: 4096, iodepth: 1, numjobs: 2, ioengine: "psync", size: 16 * MiB },
    {
      read_iops: 2541.791045 + 2496.510469,
      read_bw: 10411176 + 10225706,
      read_clat_mean: weighted([
        [392474.293012, 5109],
        [399904.865415, 5008],
      ]), // total_ios weights
      read_lat_mean: weighted([
        [392514.819534, 5109],
        [399956.16254, 5008],
      ]),
    },
    ["read_clat_p50", "read_clat_p99", "read_slat_mean"],
  ],
  [
    "numjobs2-grouped.json",
    "fio randread bs=4k iodepth=1 numjobs=2 ioengine=psync",
    { rw: "randread", bs: 4096, iodepth: 1, numjobs: 2, ioengine: "psync", size: 16 * MiB },
    {
      read_iops: 19684.47329,
      read_bw: 80627602,
      read_clat_mean: 100795.158086,
      read_clat_p50: 66048,
      read_clat_p99_9: 8093696,
    },
    [],
  ],
  [
    "randrw.json",
    "fio randrw rwmixread=70 bs=4k iodepth=4 ioengine=libaio",
    { rw: "randrw", rwmixread: 70, bs: 4096, iodepth: 4, numjobs: 1, ioengine: "libaio", direct: 1, size: 16 * MiB },
    {
      read_iops: 14086.956522,
      read_bw: 57700173,
      read_clat_p99: 1679360,
      write_iops: 6028.485757,
      write_bw: 24692677,
      write_lat_mean: 227240.676614,
    },
    ["trim_iops"],
  ],
  [
    "randread-4k.txt",
    "fio randread bs=4k iodepth=8 ioengine=libaio",
    { rw: "randread", bs: 4096, iodepth: 8, numjobs: 1, ioengine: "libaio" },
    {
      read_iops: 18.8e3, // IOPS=18.8k
      read_bw: 73.5 * MiB, // BW=73.5MiB/s
      read_slat_mean: 33.14e3, // slat (usec) avg=33.14
      read_clat_mean: 384.46e3,
      read_lat_mean: 417.6e3,
      read_clat_p50: 172e3, // clat percentiles (usec) 50.00th=[  172]
      read_clat_p90: 392e3,
      read_clat_p95: 660e3,
      read_clat_p99: 4359e3,
      read_clat_p99_9: 20317e3,
    },
    ["write_iops"],
  ],
  [
    "randrw.txt",
    "fio randrw bs=4k iodepth=4 ioengine=libaio",
    { rw: "randrw", bs: 4096, iodepth: 4, numjobs: 1, ioengine: "libaio" },
    {
      read_iops: 13.9e3,
      read_bw: 54.1 * MiB,
      read_clat_mean: 166694.02, // clat (nsec) avg=166694.02
      read_lat_mean: 187.05e3, // lat (usec) avg=187.05
      write_iops: 5936,
      write_bw: 23.2 * MiB,
      write_slat_mean: 20.92e3,
      write_clat_p99_9: 9765e3,
    },
    [],
  ],
  [
    "numjobs2.txt",
    "fio randread bs=4k iodepth=1 numjobs=2 ioengine=psync",
    { rw: "randread", bs: 4096, iodepth: 1, numjobs: 2, ioengine: "psync" },
    {
      read_iops: 8795 + 8832,
      read_bw: 34.4 * MiB + 34.5 * MiB,
      // weighted by "issued rwts: total=17600" and "total=17683"
      read_clat_mean: weighted([
        [112.07e3, 17600],
        [112.2e3, 17683],
      ]),
      read_lat_mean: weighted([
        [112.25e3, 17600],
        [112.29e3, 17683],
      ]),
    },
    ["read_clat_p50", "read_slat_mean"],
  ],
  [
    "two-jobs.txt",
    "fio write bs=64k iodepth=2 ioengine=libaio",
    { rw: "write", bs: 65536, iodepth: 2, numjobs: 1, ioengine: "libaio" },
    { write_iops: 9700, write_bw: 606 * MiB },
    ["read_iops"],
  ],
];

const BROKEN: [file: string, error: string | RegExp][] = [
  // V8 appends "(line L column C)" to JSON.parse messages from Node 22 on, hence the prefix match.
  ["truncated.json", /^line 117: invalid JSON: Expected double-quoted property name in JSON at position 3000\b/],
  ["truncated.txt", 'missing the "Run status group" summary after the job results (output cut short?)'],
  ["empty.txt", "empty input: expected fio JSON or normal output"],
  ["truncated-loop-last-run.json", /^line 950: run 4 of 4 \(lines 811-950\): invalid JSON: /],
  [
    "truncated-loop-last-run.txt",
    'line 98: run 4 of 4 (lines 98-110): missing the "Run status group" summary after the job results (output cut short?)',
  ],
  [
    "ping-loopback.txt",
    'not fio output: expected JSON starting with "fio version" or a "<job>: (groupid=N, jobs=N)" result block',
  ],
];

describe("fio parser", () => {
  describeFixtureCases({
    parser,
    tool: "fio",
    good: GOOD,
    broken: BROKEN,
    // One report may hold several jobs: the row's workload picks one.
    read: (result, [, workload, params, expected, absent]) => {
      const samples = result.samples.filter((s) => s.workload.name === workload);
      expect(samples[0]?.workload).toEqual({ name: workload, category: "disk", params });
      const metrics = sampleValues({ samples }, { metricOnly: true });
      expectCloseTo(metrics, expected, 4);
      for (const metric of absent) expect(metrics).not.toHaveProperty(metric);
      expect(result.toolVersion).toBe("3.33");
      expect(result.command).toBeUndefined();
    },
    notItsOutput: ["empty.txt", "ping-loopback.txt"],
    testedElsewhere: ["loop-bs.txt", "loop-bs.json"],
    copiesElsewhere: ["hyperfine/wrong-tool.json"],
  });

  it("uses canonical units and keeps each metric's default direction", () => {
    for (const s of parse("randrw.json").samples) {
      const unit = s.metric.endsWith("_iops") ? "ops_per_s" : s.metric.endsWith("_bw") ? "bytes_per_s" : "ns";
      expect(s.unit, s.metric).toBe(unit);
      expect(s.direction).toBeUndefined();
    }
  });

  it("dates a JSON report from its timestamp minus the jobs' elapsed seconds", () => {
    // randread-4k.json: "timestamp_ms" : 1795729746623, "elapsed" : 4
    expect(parse("randread-4k.json").startedAt).toEqual(new Date(1795729746623 - 4000));
    expect(parse("randread-4k.txt").startedAt).toBeUndefined();
  });

  it("rejects a JSON report without jobs, naming the field", () => {
    expect(() => parser.parse('{"fio version": "fio-3.33"}', { fileName: "x.json" })).toThrow(
      "invalid fio JSON report:\n✖ Invalid input: expected array, received undefined\n  → at jobs",
    );
  });

  it("reads the fio 2.x layout (usec latencies, bw in KiB/s only)", () => {
    // Derived in-test from a real capture: the fields renamed and scaled the way fio 2.x wrote them.
    const report = JSON.parse(readFixture("fio", "randread-4k.json")) as { jobs: { read: Record<string, unknown> }[] };
    const read = report.jobs[0]!.read;
    for (const key of ["slat", "clat", "lat"]) {
      const stat = read[`${key}_ns`] as { mean: number; max: number; N?: number; percentile?: Record<string, number> };
      delete stat.N;
      read[key] = {
        ...stat,
        mean: stat.mean / 1000,
        percentile:
          stat.percentile && Object.fromEntries(Object.entries(stat.percentile).map(([p, v]) => [p, v / 1000])),
      };
      delete read[`${key}_ns`];
    }
    delete read.bw_bytes;
    const metrics = sampleValues(parser.parse(JSON.stringify(report), { fileName: "old.json" }), { metricOnly: true });
    expect(metrics.read_bw).toBe(244274 * 1024); // "bw" : 244274 (KiB/s)
    expect(metrics.read_clat_mean).toBeCloseTo(119227.898378, 4);
    expect(metrics.read_clat_p99).toBeCloseTo(257024, 4);
  });

  it("reads a real fio 3.13 report from the Firecracker NSDI'20 dataset", () => {
    const result = parser.parse(readFirecrackerRaw("fio-fc-rand-read-4k.json"), {
      fileName: "fio-fc-rand-read-4k.json",
    });
    const metrics = sampleValues(result, { metricOnly: true });
    expect(result.toolVersion).toBe("3.13");
    expect(result.samples[0]!.workload).toEqual({
      name: "fio randread bs=4k iodepth=32 ioengine=libaio",
      category: "disk",
      params: { rw: "randread", bs: 4096, iodepth: 32, numjobs: 1, ioengine: "libaio", direct: 1 },
    });
    expect(metrics.read_iops).toBe(12879.804007);
    expect(metrics.read_bw).toBe(52755677);
    expect(metrics.read_slat_mean).toBe(15248.189417);
    expect(metrics.read_clat_p99_9).toBe(2932736);
    expect(metrics).not.toHaveProperty("write_iops");
  });

  it("reads each run of a loop's normal output as a repetition, the block size splitting workloads", () => {
    const raw = readFixture("fio", "loop-bs.txt");
    // The loop echoes the block size it passes to --bs before each run.
    const workloads = allMatches(raw, /^=== fio bs=(\S+) ===$/gm).map(
      (bs) => `fio randread bs=${bs} iodepth=1 ioengine=psync`,
    );
    expect(new Set(workloads).size).toBe(2);
    const iops = allMatches(raw, /^ +read: IOPS=([\d.]+k?),/gm).map((t) =>
      t.endsWith("k") ? Number(t.slice(0, -1)) * 1000 : Number(t),
    );
    const bw = allMatches(raw, /^ +read: IOPS=\S+ BW=([\d.]+)MiB\/s/gm).map((t) => Number(t) * MiB);
    const result = parse("loop-bs.txt");
    expectRunsCloseTo(metricRuns(result, "read_iops"), expectedRuns(workloads, iops), 4);
    expectRunsCloseTo(metricRuns(result, "read_bw"), expectedRuns(workloads, bw), 4);
    // The same job name in every run: each run's job stands alone, not merged as numjobs would be.
    expect(result.samples.every((s) => s.workload.params.numjobs === 1)).toBe(true);
    expect(result.toolVersion).toBe("3.33");
  });

  it("reads each report of a loop's JSON output as a repetition, the block size splitting workloads", () => {
    const raw = readFixture("fio", "loop-bs.json");
    // Each report, as written, starts on a line "{" of its own; JSON.parse reads each one here.
    type Report = {
      timestamp_ms: number;
      jobs: { elapsed: number; "job options": { bs: string }; read: { iops: number } }[];
    };
    const reports = raw.split(/^(?=\{$)/m).map((text) => JSON.parse(text) as Report);
    const workloads = reports.map((r) => `fio randread bs=${r.jobs[0]!["job options"].bs} iodepth=1 ioengine=psync`);
    expect(new Set(workloads).size).toBe(2);
    const result = parse("loop-bs.json");
    expect(metricRuns(result, "read_iops")).toEqual(
      expectedRuns(
        workloads,
        reports.map((r) => r.jobs[0]!.read.iops),
      ),
    );
    // The file's start is its first run's: that report's timestamp minus its jobs' elapsed seconds.
    const [first] = reports;
    expect(result.startedAt).toEqual(new Date(first!.timestamp_ms - first!.jobs[0]!.elapsed * 1000));
  });
});
