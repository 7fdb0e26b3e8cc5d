import { isSourceUnit, type SourceUnit } from "@/lib/units";
import {
  FIO_DIRS,
  formatSize,
  percentileName,
  type DirStats,
  type FioDir,
  type JobOptions,
  type JobResult,
} from "./fio-job";
import { toCanonical, toNumber } from "../text";
import { type LoggedRun, sliceRuns } from "../runs";
import { ParseError, type ParamValue } from "../types";

// Layout: fio 3.33 `--output-format=normal`: the job header is printed by init.c add_job(),
// result blocks by stat.c show_thread_status_normal(), show_ddir_status(), show_lat() and
// show_clat_percentiles() (https://github.com/axboe/fio/blob/fio-3.33/stat.c).
const HEADER = /^(.+?): \(g=(\d+)\): rw=([^,]+), bs=(.*), ioengine=(\S+), iodepth=(\d+)$/;
/** A job's result block opens with this line, the job name first. */
export const FIO_TEXT_BLOCK = /^(.+?): \(groupid=(\d+), jobs=(\d+)\): err=\s*(-?\d+)(?:: pid=(\d+))?/;
const DIR_LINE = /^\s+(read|write|trim|mixed): IOPS=([\d.]+)([kMGTP]?), BW=([\d.]+)(\S+?\/s)/;
const LAT_LINE = /^\s+(slat|clat|lat) \((nsec|usec|msec|sec)\): min=.*?\bavg=\s*([\d.]+)/;
const PERCENTILE_HEAD = /^\s+(\w+) percentiles \((nsec|usec|msec|sec)\):/;
const PERCENTILE_ROW = /^\s+\|/;
const ISSUED = /^\s+issued rwts: total=(\d+),(\d+),(\d+)/;
const RUN_STATUS = /^Run status group \d+ /;
const VERSION = /^fio-(\d\S*)\s*$/m;

/** Job headers or result blocks; no other tool prints `name: (g=0): rw=` or `(groupid=0, jobs=1)`. */
export const FIO_TEXT_MARK = /^.+?: \((?:g=\d+\): rw=|groupid=\d+, jobs=\d+\): err=)/m;

/**
 * A shell loop appends each run's output to one log. fio prints every job header before any
 * job's results, so a header after a result block starts the next run; a log with one run is read
 * whole, as always. Text between runs (an `echo` of the loop) lies outside every pattern read.
 */
export function fioTextRuns(raw: string): LoggedRun[] {
  const starts = [0];
  let sawResults = false;
  for (const m of raw.matchAll(new RegExp(FIO_TEXT_MARK.source, "gm"))) {
    if (!m[0].endsWith("rw=")) sawResults = true;
    else if (sawResults) {
      starts.push(m.index);
      sawResults = false;
    }
  }
  return sliceRuns(raw, starts);
}

const TIME_UNITS: Record<string, SourceUnit> = { nsec: "ns", usec: "us", msec: "ms", sec: "s" };
// num2str() scales IOPS by powers of 1000 with these suffixes.
const COUNT_SUFFIX: Record<string, number> = { "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };

function toNs(value: string, unit: string, what: string, line: number): number {
  return toCanonical(toNumber(value, what, line), TIME_UNITS[unit] ?? "ns").value;
}

function bytesOf(text: string, line: number): number {
  const m = /^([\d.]+)(\D+)$/.exec(text);
  if (!m || !isSourceUnit(m[2]!) || toCanonical(0, m[2]).unit !== "bytes") {
    throw new ParseError(`unreadable block size ${JSON.stringify(text)} in the job header`, line);
  }
  // num2str keeps 4 significant digits ("64.0KiB"), so round back to whole bytes.
  return Math.round(toCanonical(toNumber(m[1], "block size", line), m[2]).value);
}

/**
 * `(R) 4096B-4096B, (W) 4096B-4096B, (T) ...` → 4096, `(R) 4096B-64.0KiB, ...` (bsrange, or a
 * bssplit's smallest and largest size) → `4k-64k` when all directions agree, else `4k,64k,64k`.
 */
function headerBs(text: string, line: number): ParamValue {
  const ranges = text.split(", ").map((part) => {
    const m = /^\([RWT]\) (\S+)-(\S+)$/.exec(part);
    if (!m) throw new ParseError(`unreadable block size ${JSON.stringify(part)} in the job header`, line);
    const [lo, hi] = [bytesOf(m[1]!, line), bytesOf(m[2]!, line)];
    return lo === hi ? lo : `${formatSize(lo)}-${formatSize(hi)}`;
  });
  const [first] = ranges;
  if (first !== undefined && ranges.every((r) => r === first)) return first;
  return ranges.map(formatSize).join(",");
}

interface TextJob extends JobResult {
  threads: number;
}

export interface FioTextReport {
  toolVersion?: string;
  jobs: JobResult[];
}

export function readFioText(raw: string): FioTextReport {
  const headers = new Map<string, Omit<JobOptions, "numjobs">>();
  /** By group, name and pid: see blockKey. */
  const jobs = new Map<string, TextJob>();
  let job: TextJob | undefined;
  let dir: DirStats | undefined;
  /** Set while inside a percentile block; `keep` is false for the `lat percentiles` rows. */
  let percentiles: { unit: string; keep: boolean } | undefined;
  let sawRunStatus = false;

  raw.split("\n").forEach((text, i) => {
    const line = i + 1;
    let m: RegExpExecArray | null;
    if (percentiles && PERCENTILE_ROW.test(text)) {
      for (const [, label, value] of text.matchAll(/([\d.]+)th=\[\s*([^\]]*?)\]/g)) {
        const name = percentileName(label!);
        if (name && dir && percentiles.keep)
          dir.clatPercentiles[name] = toNs(value!, percentiles.unit, `clat ${label}th percentile`, line);
      }
      return;
    }
    percentiles = undefined;
    if ((m = HEADER.exec(text))) {
      headers.set(m[1]!, {
        rw: m[3]!,
        bs: headerBs(m[4]!, line),
        ioengine: m[5]!,
        iodepth: toNumber(m[6], "iodepth", line),
      });
    } else if ((m = FIO_TEXT_BLOCK.exec(text))) {
      if (m[4] !== "0")
        throw new ParseError(`job "${m[1]}" ended with err=${m[4]}: its numbers are not a complete run`, line);
      const options = headers.get(m[1]!);
      if (!options) throw new ParseError(`no job header line "${m[1]}: (g=N): rw=..." before its results`, line);
      job = { name: m[1]!, group: Number(m[2]), threads: Number(m[3]), options: { ...options, numjobs: 1 }, dirs: {} };
      jobs.set(blockKey(m[2]!, m[1]!, m[5]) ?? `line ${line}`, job);
      dir = undefined;
    } else if ((m = DIR_LINE.exec(text)) && job) {
      if (!isSourceUnit(m[5]!) || toCanonical(0, m[5]).unit !== "bytes_per_s")
        throw new ParseError(`unknown bandwidth unit ${m[5]}`, line);
      const iops = toNumber(m[2], "IOPS", line) * (COUNT_SUFFIX[m[3]!] ?? NaN);
      // fio prints the completed I/O count later ("issued rwts"); until then IOPS is a fair weight.
      dir = { iops, bw: toCanonical(toNumber(m[4], "BW", line), m[5]).value, ios: iops, clatPercentiles: {} };
      job.dirs[m[1] as FioDir] = dir;
    } else if ((m = LAT_LINE.exec(text)) && dir) {
      dir[m[1] as "slat" | "clat" | "lat"] = toNs(m[3]!, m[2]!, `${m[1]} avg`, line);
    } else if ((m = PERCENTILE_HEAD.exec(text))) {
      percentiles = { unit: m[2]!, keep: m[1] === "clat" };
    } else if ((m = ISSUED.exec(text)) && job) {
      const [dirs, totals] = [job.dirs, m.slice(1)];
      const counts = totals.map((t, k) => toNumber(t, `issued ${FIO_DIRS[k]} total`, line));
      (["read", "write", "trim"] as const).forEach((d, k) => {
        if (dirs[d]) dirs[d].ios = counts[k]!;
      });
      // unified_rw_reporting counts the mixed I/Os under read (mixed) or per direction (both).
      if (dirs.mixed) dirs.mixed.ios = counts.reduce((a, b) => a + b, 0);
    } else if (RUN_STATUS.test(text)) {
      sawRunStatus = true;
    }
  });

  if (jobs.size === 0)
    throw new ParseError('no job results: expected a line "<job>: (groupid=N, jobs=N): err= 0: ..." (run cut short?)');
  if (!sawRunStatus)
    throw new ParseError('missing the "Run status group" summary after the job results (output cut short?)');
  // numjobs>1 prints one block per thread, group_reporting one block with jobs=N: either way
  // the threads sharing a group and name add up to numjobs.
  const keyOf = (j: TextJob) => `${j.group}\u0000${j.name}`;
  const threads = new Map<string, number>();
  for (const j of jobs.values()) threads.set(keyOf(j), (threads.get(keyOf(j)) ?? 0) + j.threads);
  for (const j of jobs.values()) j.options.numjobs = threads.get(keyOf(j)) ?? 1;
  return { toolVersion: VERSION.exec(raw)?.[1], jobs: [...jobs.values()].map(({ threads: _, ...rest }) => rest) };
}

/**
 * --status-interval prints every job's block again each interval, each covering the run so far,
 * the last one at the end of the run. A block with the group, name and pid of an earlier one is
 * such a later report and replaces it; numjobs threads have a pid each. Without a pid, none.
 */
function blockKey(group: string, name: string, pid: string | undefined): string | undefined {
  return pid === undefined ? undefined : `${group}\u0000${name}\u0000${pid}`;
}
