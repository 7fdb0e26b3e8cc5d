import type { ParamValue, WorkloadKey } from "../types";

/**
 * The data directions fio reports, in its own order; `mixed` is what unified_rw_reporting=mixed
 * (or =both, next to the others) prints for all directions together.
 */
export const FIO_DIRS = ["read", "write", "trim", "mixed"] as const;
export type FioDir = (typeof FIO_DIRS)[number];

/** fio's default percentile list holds these; the metric suffix keeps the dot out of snake_case. */
export const CLAT_PERCENTILES = [
  [50, "p50"],
  [90, "p90"],
  [95, "p95"],
  [99, "p99"],
  [99.9, "p99_9"],
] as const;
export type PercentileName = (typeof CLAT_PERCENTILES)[number][1];

/** Maps a percentile as fio labels it ("99.900000", "99.90th") to our suffix, if we keep it. */
export function percentileName(label: string): PercentileName | undefined {
  const p = Number(label);
  return CLAT_PERCENTILES.find(([q]) => Math.abs(q - p) < 1e-6)?.[1];
}

/** One direction of one fio job entry, already in canonical units (ops/s, bytes/s, ns). */
export interface DirStats {
  iops: number;
  bw: number;
  /** Completed I/Os: the weight when several job entries are merged. */
  ios: number;
  slat?: number;
  clat?: number;
  lat?: number;
  clatPercentiles: Partial<Record<PercentileName, number>>;
}

/** The job options that change what a fio run measures, with fio's defaults filled in. */
export interface JobOptions {
  rw: string;
  bs: ParamValue;
  iodepth: number;
  numjobs: number;
  ioengine?: string;
  direct?: number;
  size?: ParamValue;
  rwmixread?: number;
}

/** One job entry of a report (one thread, or a whole group under group_reporting). */
export interface JobResult {
  name: string;
  group: number;
  options: JobOptions;
  /** Only directions that did I/O. */
  dirs: Partial<Record<FioDir, DirStats>>;
}

const SIZE_SUFFIX: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/**
 * Parses a size option as fio reads it under its default kb_base=1024, where `4k` and `4kb`
 * both mean 4096 bytes. Anything else (ranges, per-direction lists, `KiB`, which that
 * default makes decimal, percentages) is returned as undefined so callers keep the text.
 */
export function parseFioSize(text: string): number | undefined {
  const m = /^(\d+)([kmgt]?)b?$/i.exec(text.trim());
  return m ? Number(m[1]) * (SIZE_SUFFIX[m[2]!.toLowerCase()] ?? NaN) : undefined;
}

/** `4096` → `4k`, `1048576` → `1m`: the spelling fio users write in job files. */
export function formatSize(value: ParamValue): string {
  if (typeof value !== "number") return String(value);
  for (const [suffix, factor] of [
    ["t", 1024 ** 4],
    ["g", 1024 ** 3],
    ["m", 1024 ** 2],
    ["k", 1024],
  ] as const) {
    if (value >= factor && value % factor === 0) return `${value / factor}${suffix}`;
  }
  return String(value);
}

/** Builds the workload key, e.g. `fio randread bs=4k iodepth=32 ioengine=libaio`. */
export function workloadOf(o: JobOptions, jobName?: string): WorkloadKey {
  const params: Record<string, ParamValue> = { rw: o.rw, bs: o.bs, iodepth: o.iodepth, numjobs: o.numjobs };
  let name = `fio ${o.rw}`;
  if (o.rwmixread !== undefined) {
    params.rwmixread = o.rwmixread;
    name += ` rwmixread=${o.rwmixread}`;
  }
  name += ` bs=${formatSize(o.bs)} iodepth=${o.iodepth}`;
  if (o.numjobs > 1) name += ` numjobs=${o.numjobs}`;
  if (o.ioengine !== undefined) {
    params.ioengine = o.ioengine;
    name += ` ioengine=${o.ioengine}`;
  }
  if (o.direct !== undefined) params.direct = o.direct;
  if (o.size !== undefined) params.size = o.size;
  if (jobName !== undefined) {
    params.job = jobName;
    name += ` job=${jobName}`;
  }
  return { name, category: "disk", params };
}

function weightedMean(parts: DirStats[], pick: (d: DirStats) => number | undefined): number | undefined {
  let sum = 0;
  let weight = 0;
  for (const d of parts) {
    const v = pick(d);
    if (v === undefined) continue;
    sum += v * d.ios;
    weight += d.ios;
  }
  return weight > 0 ? sum / weight : undefined;
}

function mergeDir(parts: DirStats[]): DirStats {
  if (parts.length === 1) return parts[0]!;
  return {
    iops: parts.reduce((s, d) => s + d.iops, 0),
    bw: parts.reduce((s, d) => s + d.bw, 0),
    ios: parts.reduce((s, d) => s + d.ios, 0),
    // fio's group_reporting (stat.c sum_stat) merges means weighted by sample count too.
    slat: weightedMean(parts, (d) => d.slat),
    clat: weightedMean(parts, (d) => d.clat),
    lat: weightedMean(parts, (d) => d.lat),
    // Percentiles of a union cannot be derived from each thread's percentiles (fio merges the
    // raw latency histograms for that), so a merged entry reports none rather than a guess.
    clatPercentiles: {},
  };
}

/**
 * Merges entries sharing a group and job name, which is what numjobs>1 without
 * group_reporting prints: one entry per thread. The result reads as group_reporting would.
 */
export function mergeJobs(jobs: JobResult[]): JobResult[] {
  const byKey = new Map<string, JobResult[]>();
  for (const job of jobs) {
    const key = `${job.group}\u0000${job.name}`;
    byKey.set(key, [...(byKey.get(key) ?? []), job]);
  }
  return [...byKey.values()].map((members) => {
    const dirs: Partial<Record<FioDir, DirStats>> = {};
    for (const dir of FIO_DIRS) {
      const parts = members.flatMap((m) => m.dirs[dir] ?? []);
      if (parts.length > 0) dirs[dir] = mergeDir(parts);
    }
    return { ...members[0]!, dirs };
  });
}
