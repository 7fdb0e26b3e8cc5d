import { z } from "zod";
import { percentileName, parseFioSize, type DirStats, type FioDir, type JobOptions, type JobResult } from "./fio-job";
import { parseJson, toCanonical, toNumber } from "../text";
import { type LoggedRun, jsonValueSpans, sliceRuns } from "../runs";
import { ParseError } from "../types";

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
      }),
    )
    .min(1),
});
type Report = z.infer<typeof report>;

/** fio JSON always opens with this key; anything before it is a warning fio printed first. */
export const FIO_JSON_START = /^\{\s*"fio version"\s*:/m;

/**
 * `fio --output-format=json` in a shell loop appends one report per run: each report opening with
 * "fio version" starts a run, which ends with its JSON value (after it: the loop's own output, or
 * the next run's warnings). A file with one report is read whole, as always.
 */
export function fioJsonRuns(raw: string): LoggedRun[] {
  const starts = [...raw.matchAll(new RegExp(FIO_JSON_START.source, "gm"))].map((m) => m.index);
  if (starts.length <= 1) return [{ text: raw, firstLine: 1 }];
  return sliceRuns(raw, starts).map((run) => ({ ...run, text: run.text.slice(0, jsonValueSpans(run.text)[0]?.end) }));
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

/** Job options with fio's defaults for the ones every run has (rw=read, bs=4k, iodepth=1). */
function jobOptions(opts: Record<string, string>, where: string): JobOptions {
  const num = (key: string) => (opts[key] === undefined ? undefined : toNumber(opts[key], `${where} option ${key}`));
  const size = (text: string | undefined) => (text === undefined ? undefined : (parseFioSize(text) ?? text));
  return {
    rw: opts.rw ?? opts.readwrite ?? "read",
    bs: size(opts.bs ?? opts.blocksize) ?? 4096,
    iodepth: num("iodepth") ?? 1,
    numjobs: num("numjobs") ?? 1,
    ioengine: opts.ioengine,
    direct: num("direct"),
    size: size(opts.size),
    rwmixread: num("rwmixread"),
  };
}

function validate(raw: string): Report {
  const start = raw.search(FIO_JSON_START);
  if (start < 0) throw new ParseError('not fio JSON: expected an object starting with "fio version"');
  const parsed = report.safeParse(parseJson(raw.slice(start)));
  if (!parsed.success) throw new ParseError(`invalid fio JSON report:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface FioJsonReport {
  toolVersion: string;
  startedAt?: Date;
  jobs: JobResult[];
}

export function readFioJson(raw: string): FioJsonReport {
  const data = validate(raw);
  const jobs = data.jobs.map((job, i): JobResult => {
    const where = `job ${i} ("${job.jobname}")`;
    if (job.error !== 0)
      throw new ParseError(`${where} ended with error ${job.error}: its numbers are not a complete run`);
    const dirs: JobResult["dirs"] = {};
    for (const dir of ["read", "write", "trim"] satisfies FioDir[]) {
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
  return {
    toolVersion: data["fio version"].replace(/^fio-/, ""),
    startedAt: endMs === undefined ? undefined : new Date(endMs - elapsedS * 1000),
    jobs,
  };
}
