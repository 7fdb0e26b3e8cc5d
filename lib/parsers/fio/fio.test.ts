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
  [
    // Four status blocks of one job (pid=4500): the last, the run's end, not numjobs=4 summed.
    "status-interval.txt",
    "fio randread bs=4k iodepth=1 ioengine=psync",
    { rw: "randread", bs: 4096, iodepth: 1, numjobs: 1, ioengine: "psync" },
    {
      read_iops: 14.7e3, // the last block: IOPS=14.7k, BW=57.4MiB/s
      read_bw: 57.4 * MiB,
      read_clat_mean: 66.65e3,
      read_lat_mean: 66.73e3,
      read_clat_p50: 59e3,
      read_clat_p90: 88e3,
      read_clat_p95: 101e3,
      read_clat_p99: 155e3,
      read_clat_p99_9: 1336e3,
    },
    ["read_slat_mean"],
  ],
  [
    // Four reports of one run (--status-interval=1): the last one, whose "elapsed" is 4.
    "status-interval.json",
    "fio randread bs=4k iodepth=1 ioengine=psync",
    { rw: "randread", bs: 4096, iodepth: 1, numjobs: 1, ioengine: "psync", size: 16 * MiB },
    {
      read_iops: 13063.978674,
      read_bw: 53510056,
      read_clat_mean: 74905.983191,
      read_lat_mean: 74981.074149,
      read_clat_p50: 66048,
      read_clat_p99_9: 1613824,
    },
    ["read_slat_mean"],
  ],
  [
    "bsrange.json", // "bsrange" : "4k-64k"
    "fio randread bs=4k-64k iodepth=1 ioengine=psync",
    { rw: "randread", bs: "4k-64k", iodepth: 1, numjobs: 1, ioengine: "psync", size: 16 * MiB },
    { read_iops: 8744.255744, read_bw: 217321238, read_clat_p50: 86528 },
    [],
  ],
  [
    "bsrange.txt", // bs=(R) 4096B-64.0KiB, (W) 4096B-64.0KiB, (T) 4096B-64.0KiB
    "fio randread bs=4k-64k iodepth=1 ioengine=psync",
    { rw: "randread", bs: "4k-64k", iodepth: 1, numjobs: 1, ioengine: "psync" },
    { read_iops: 7495, read_bw: 178 * MiB, read_clat_p50: 112e3 },
    [],
  ],
  [
    "bssplit.json", // "bssplit" : "4k/50:64k/50"
    "fio randread bs=4k/50:64k/50 iodepth=1 ioengine=psync",
    { rw: "randread", bs: "4k/50:64k/50", iodepth: 1, numjobs: 1, ioengine: "psync", size: 16 * MiB },
    { read_iops: 8529.470529, read_bw: 175677890, read_clat_p50: 82432 },
    [],
  ],
  [
    // The normal output's header shows a bssplit only as the range of its sizes.
    "bssplit.txt",
    "fio randread bs=4k-64k iodepth=1 ioengine=psync",
    { rw: "randread", bs: "4k-64k", iodepth: 1, numjobs: 1, ioengine: "psync" },
    { read_iops: 10.6e3, read_bw: 206 * MiB, read_clat_p50: 77e3 },
    [],
  ],
  [
    "unified-mixed.json",
    "fio randrw bs=4k iodepth=1 ioengine=psync",
    { rw: "randrw", bs: 4096, iodepth: 1, numjobs: 1, ioengine: "psync", size: 16 * MiB },
    {
      mixed_iops: 17724.275724,
      mixed_bw: 72598633,
      mixed_clat_mean: 41990.84579,
      mixed_lat_mean: 42108.472438,
      mixed_clat_p50: 45824,
      mixed_clat_p99_9: 897024,
    },
    ["read_iops", "write_iops", "mixed_slat_mean"],
  ],
  [
    "unified-mixed.txt",
    "fio randrw bs=4k iodepth=1 ioengine=psync",
    { rw: "randrw", bs: 4096, iodepth: 1, numjobs: 1, ioengine: "psync" },
    {
      mixed_iops: 20.6e3, // mixed: IOPS=20.6k, BW=80.5MiB/s
      mixed_bw: 80.5 * MiB,
      mixed_clat_mean: 41.1e3,
      mixed_lat_mean: 41.35e3,
      mixed_clat_p50: 40e3,
      mixed_clat_p99_9: 1156e3,
    },
    ["read_iops", "write_iops"],
  ],
  [
    // --output-format=json,normal: the JSON's numbers; the normal copy after it is passed over.
    "json-normal.txt",
    "fio randread bs=4k iodepth=1 ioengine=psync",
    { rw: "randread", bs: 4096, iodepth: 1, numjobs: 1, ioengine: "psync", size: 16 * MiB },
    { read_iops: 14188.905547, read_bw: 58117757, read_clat_mean: 69069.574528, read_clat_p99: 148480 },
    [],
  ],
];

const BROKEN: [file: string, error: string | RegExp][] = [
  // V8 appends "(line L column C)" to JSON.parse messages from Node 22 on, hence the prefix match.
  ["truncated.json", /^line 116: invalid JSON: Expected double-quoted property name in JSON at position 2998\b/],
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

  it("reads a run's --status-interval JSON reports as its last one, and refuses them out of order", () => {
    const raw = readFixture("fio", "status-interval.json");
    const reports = raw.split(/^(?=\{$)/m);
    expect(reports).toHaveLength(4);
    const last = parser.parse(reports[3]!, { fileName: "last.json" });
    expect(parse("status-interval.json")).toEqual(last);
    // Reordered in-test: a later report then has less I/O than the one before it.
    expect(() => parser.parse(reports.reverse().join(""), { fileName: "reversed.json" })).toThrow(
      /^line 271: run 2 of 4 \(lines 271-540\): report began before the previous one was written/,
    );
  });

  it("names the file's line when the JSON of --output-format=json,normal is broken", () => {
    // Cut in-test from a real capture: the JSON starts on line 5, after the job header lines.
    const lines = readFixture("fio", "json-normal.txt").split("\n");
    const cut = [...lines.slice(0, 20), ...lines.slice(275)].join("\n");
    expect(() => parser.parse(cut, { fileName: "cut.txt" })).toThrow(/^line 21: invalid JSON: /);
  });
});
