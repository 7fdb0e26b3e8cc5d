import { z } from "zod";
import {
  FIO_DIRS,
  formatSize,
  percentileName,
  parseFioSize,
  type DirStats,
  type JobOptions,
  type JobResult,
} from "./fio-job";
import { FIO_TEXT_BLOCK } from "./fio-text";
import { lineAt, parseJson, toCanonical, toNumber } from "../text";
import { type LoggedRun, jsonValueSpans, sliceRuns } from "../runs";
import { ParseError, type ParamValue } from "../types";

// Layout: fio 3.33 stat.c, show_thread_status_json() and add_ddir_status_json()
// (https://github.com/axboe/fio/blob/fio-3.33/stat.c). json+ only adds "bins" to clat_ns,
// which the schema lets through unread. fio before 3.0 wrote slat/clat/lat in usec under
// names without the _ns suffix and had no bw_bytes, hence the optional pairs below.
const latStat = z.object({
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  /** Sample count: written by fio 3.33, absent from 3.13 reports. */
  N: z.number().optional(),
  percentile: z.record(z.string(), z.number()).optional(),
});
type LatStat = z.infer<typeof latStat>;

const ddir = z.object({
  io_bytes: z.number(),
  bw: z.number(),
  bw_bytes: z.number().optional(),
  iops: z.number(),
  /** Milliseconds this direction ran, so far for a status report. */
  runtime: z.number().optional(),
  total_ios: z.number().optional(),
  slat_ns: latStat.optional(),
  clat_ns: latStat.optional(),
  lat_ns: latStat.optional(),
  slat: latStat.optional(),
  clat: latStat.optional(),
  lat: latStat.optional(),
});
type Ddir = z.infer<typeof ddir>;

const options = z.record(z.string(), z.string());

const report = z.object({
  "fio version": z.string(),
  timestamp_ms: z.number().optional(),
  timestamp: z.number().optional(),
  "global options": options.optional(),
  jobs: z
    .array(
      z.object({
        jobname: z.string(),
        groupid: z.number(),
        error: z.number(),
        elapsed: z.number().optional(),
        "job options": options.optional(),
        read: ddir.optional(),
        write: ddir.optional(),
        trim: ddir.optional(),
        mixed: ddir.optional(),
      }),
    )
    .min(1),
});
type Report = z.infer<typeof report>;

/** fio JSON always opens with this key; anything before it is a warning fio printed first. */
export const FIO_JSON_START = /^\{\s*"fio version"\s*:/m;

/**
 * `fio --output-format=json` in a shell loop appends one report per run: each report opening with
 * "fio version" starts a run (readFioJson reads its JSON value and checks what follows it). A file
 * with one report is read whole, as always.
 */
export function fioJsonRuns(raw: string): LoggedRun[] {
  const starts = [...raw.matchAll(new RegExp(FIO_JSON_START.source, "gm"))].map((m) => m.index);
  if (starts.length <= 1) return [{ text: raw, firstLine: 1 }];
  return sliceRuns(raw, starts);
}

/** Sync engines never time submission: fio then reports an all-zero slat, not a measurement. */
function measured(s: LatStat | undefined): s is LatStat {
  return s !== undefined && (s.N === undefined ? s.max > 0 : s.N > 0);
}

function dirStats(d: Ddir, where: string): DirStats | undefined {
  if (d.io_bytes === 0) return undefined;
  const [slat, clat, lat, unit] = d.clat_ns
    ? [d.slat_ns, d.clat_ns, d.lat_ns, "ns" as const]
    : [d.slat, d.clat, d.lat, "us" as const];
  if (!clat) throw new ParseError(`${where}: has neither "clat_ns" nor "clat" latency statistics`);
  const ns = (v: number) => toCanonical(v, unit).value;
  const clatPercentiles: DirStats["clatPercentiles"] = {};
  for (const [label, value] of Object.entries(clat.percentile ?? {})) {
    const name = percentileName(label);
    if (name) clatPercentiles[name] = ns(value);
  }
  return {
    iops: d.iops,
    bw: d.bw_bytes ?? toCanonical(d.bw, "KiB/s").value,
    // Reports without total_ios come from one run length, so iops is a proportional weight.
    ios: d.total_ios ?? d.iops,
    slat: measured(slat) ? ns(slat.mean) : undefined,
    clat: ns(clat.mean),
    lat: measured(lat) ? ns(lat.mean) : undefined,
    clatPercentiles,
  };
}

/** `4096-65536` → `4k-64k`, `4k-4k` → 4096: spelled as normal output's header gives a range. */
function rangeSpec(text: string): ParamValue {
  const [lo, hi, ...rest] = text.split("-").map(parseFioSize);
  if (lo === undefined || hi === undefined || rest.length > 0) return text;
  return lo === hi ? lo : `${formatSize(lo)}-${formatSize(hi)}`;
}

/** `4096/50:64k/50` → `4k/50:64k/50`: each size spelled as formatSize does, the shares as given. */
function splitSpec(text: string): string {
  return text
    .split(":")
    .map((entry) => entry.replace(/^[^/]+/, (size) => formatSize(parseFioSize(size) ?? size)))
    .join(":");
}

/**
 * The block size a job used: bssplit, else bsrange, else bs (fio's default 4k). Each may list
 * one value per direction (`4k-8k,16k-32k`); one value stands for all when they agree, as in the
 * normal output's header, which shows a bssplit as the range of its sizes.
 */
function blockSize(opts: Record<string, string>): ParamValue {
  const [text, spell] =
    opts.bssplit !== undefined
      ? [opts.bssplit, splitSpec]
      : (opts.bsrange ?? opts.blocksize_range) !== undefined
        ? [(opts.bsrange ?? opts.blocksize_range)!, rangeSpec]
        : [opts.bs ?? opts.blocksize ?? "4k", (t: string) => parseFioSize(t) ?? t];
  const perDir = text.split(",").map(spell);
  return perDir.every((v) => v === perDir[0]) ? perDir[0]! : text;
}

/** Job options with fio's defaults for the ones every run has (rw=read, bs=4k, iodepth=1). */
function jobOptions(opts: Record<string, string>, where: string): JobOptions {
  const num = (key: string) => (opts[key] === undefined ? undefined : toNumber(opts[key], `${where} option ${key}`));
  const size = (text: string | undefined) => (text === undefined ? undefined : (parseFioSize(text) ?? text));
  return {
    rw: opts.rw ?? opts.readwrite ?? "read",
    bs: blockSize(opts),
    iodepth: num("iodepth") ?? 1,
    numjobs: num("numjobs") ?? 1,
    ioengine: opts.ioengine,
    direct: num("direct"),
    size: size(opts.size),
    rwmixread: num("rwmixread"),
  };
}

/**
 * The report's JSON value, validated. Lines before it (fio's warnings, or the job headers and
 * progress lines of --output-format=json,normal) are passed over; errors name the line of `raw`.
 */
function validate(raw: string): { data: Report; end: number } {
  const start = raw.search(FIO_JSON_START);
  if (start < 0) throw new ParseError('not fio JSON: expected an object starting with "fio version"');
  const end = start + (jsonValueSpans(raw.slice(start))[0]?.end ?? raw.length - start);
  let json: unknown;
  try {
    json = parseJson(raw.slice(start, end));
  } catch (e) {
    if (!(e instanceof ParseError) || e.line === undefined) throw e;
    throw new ParseError(e.reason, lineAt(raw, start) + e.line - 1);
  }
  const parsed = report.safeParse(json);
  if (!parsed.success) throw new ParseError(`invalid fio JSON report:\n${z.prettifyError(parsed.error)}`);
  return { data: parsed.data, end };
}

/**
 * `--output-format=json,normal` prints the normal result blocks of the same jobs after the JSON:
 * a copy, passed over. A block of a job the report does not have is another run's, which a JSON
 * report cannot stand for, so it is refused rather than dropped.
 */
function checkAfterJson(raw: string, end: number, jobNames: ReadonlySet<string>): void {
  for (const m of raw.slice(end).matchAll(new RegExp(FIO_TEXT_BLOCK.source, "gm"))) {
    if (!jobNames.has(m[1]!))
      throw new ParseError(
        `result block of job "${m[1]}" after the JSON report, which has no such job: expected only the ` +
          "normal copy of its jobs (--output-format=json,normal), not another run's normal output",
        lineAt(raw, end + m.index),
      );
  }
}

export interface FioJsonReport {
  toolVersion: string;
  startedAt?: Date;
  jobs: JobResult[];
  /** When fio wrote the report, and when its jobs started by their runtime (ms); needs timestamp_ms. */
  clock?: { writtenMs: number; jobsStartMs: number };
  /** Each job's name and bytes moved so far, in each direction. */
  progress: { name: string; ioBytes: number[] }[];
}

export function readFioJson(raw: string): FioJsonReport {
  const { data, end } = validate(raw);
  checkAfterJson(raw, end, new Set(data.jobs.map((j) => j.jobname)));
  const jobs = data.jobs.map((job, i): JobResult => {
    const where = `job ${i} ("${job.jobname}")`;
    if (job.error !== 0)
      throw new ParseError(`${where} ended with error ${job.error}: its numbers are not a complete run`);
    const dirs: JobResult["dirs"] = {};
    for (const dir of FIO_DIRS) {
      const section = job[dir];
      const stats = section && dirStats(section, `${where} ${dir}`);
      if (stats) dirs[dir] = stats;
    }
    const options = jobOptions({ ...data["global options"], ...job["job options"] }, where);
    return { name: job.jobname, group: job.groupid, options, dirs };
  });
  // "timestamp" is taken when the report is written; each job's "elapsed" counts whole
  // seconds since fio started, so their difference is the start to within a second.
  const endMs = data.timestamp_ms ?? (data.timestamp === undefined ? undefined : data.timestamp * 1000);
  const elapsedS = Math.max(0, ...data.jobs.map((j) => j.elapsed ?? 0));
  const runtimeMs = Math.max(0, ...data.jobs.flatMap((j) => FIO_DIRS.map((d) => j[d]?.runtime ?? 0)));
  return {
    toolVersion: data["fio version"].replace(/^fio-/, ""),
    startedAt: endMs === undefined ? undefined : new Date(endMs - elapsedS * 1000),
    jobs,
    clock: data.timestamp_ms === undefined ? undefined : { writtenMs: endMs!, jobsStartMs: endMs! - runtimeMs },
    progress: data.jobs.map((j) => ({ name: j.jobname, ioBytes: FIO_DIRS.map((d) => j[d]?.io_bytes ?? 0) })),
  };
}

/**
 * Whether `next` is a later --status-interval report of the run `prev` reports on: fio then writes
 * a full report every interval, each covering the run so far, the last one at its end. A shell loop
 * starts a run only after the previous one wrote its report, so jobs that were already running
 * when `prev` was written (written time less their longest runtime, to the millisecond) are
 * `prev`'s run, and must be its jobs with no less I/O. Without timestamp_ms (older fio), or with
 * no runtime yet, reports count as runs, as before.
 */
export function isLaterStatusReport(prev: FioJsonReport, next: FioJsonReport): boolean {
  if (!prev.clock || !next.clock || next.clock.jobsStartMs >= prev.clock.writtenMs) return false;
  const grew = (job: FioJsonReport["progress"][number], i: number) => {
    const before = prev.progress[i];
    return job.name === before?.name && job.ioBytes.every((b, d) => b >= before.ioBytes[d]!);
  };
  if (next.progress.length !== prev.progress.length || !next.progress.every(grew))
    throw new ParseError(
      "report began before the previous one was written, so both report on one run (--status-interval), " +
        "yet its jobs differ or did less I/O: expected the same jobs, each with no less io_bytes",
    );
  return true;
}
