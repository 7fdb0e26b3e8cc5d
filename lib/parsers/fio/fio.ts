import { CLAT_PERCENTILES, FIO_DIRS, mergeJobs, workloadOf, type JobResult } from "./fio-job";
import { FIO_JSON_START, fioJsonRuns, isLaterStatusReport, readFioJson } from "./fio-json";
import { FIO_TEXT_MARK, fioTextRuns, readFioText } from "./fio-text";
import { readRun, readRuns, runsAsRepetitions } from "../runs";
import { ParseError, type ParseResult, type ParsedSample, type Parser, type WorkloadKey } from "../types";

function samplesOf(jobs: JobResult[]): ParsedSample[] {
  const merged = mergeJobs(jobs);
  const keys = merged.map((job) => workloadOf(job.options));
  // Two jobs with the same options (say, different files) would otherwise share a workload.
  const clash = (name: string) => keys.filter((k) => k.name === name).length > 1;
  const samples: ParsedSample[] = [];
  merged.forEach((job, i) => {
    const workload: WorkloadKey = clash(keys[i]!.name) ? workloadOf(job.options, job.name) : keys[i]!;
    for (const dir of FIO_DIRS) {
      const s = job.dirs[dir];
      if (!s) continue;
      const push = (metric: string, unit: ParsedSample["unit"], value: number | undefined) => {
        if (value !== undefined) samples.push({ workload, metric: `${dir}_${metric}`, unit, value });
      };
      push("iops", "ops_per_s", s.iops);
      push("bw", "bytes_per_s", s.bw);
      push("slat_mean", "ns", s.slat);
      push("clat_mean", "ns", s.clat);
      push("lat_mean", "ns", s.lat);
      for (const [, name] of CLAT_PERCENTILES) push(`clat_${name}`, "ns", s.clatPercentiles[name]);
    }
  });
  if (samples.length === 0)
    throw new ParseError("no job did any I/O: every read, write, trim and mixed section is empty");
  return samples;
}

/** Each run's last report: a status report is followed by its run's later ones (isLaterStatusReport). */
function readJsonLog(raw: string): ParseResult {
  const runs = fioJsonRuns(raw);
  const reports = readRuns(runs, readFioJson);
  const at = (index: number) => ({ index, count: runs.length, ...runs[index]! });
  const finals = reports.flatMap((report, i) => {
    const next = reports[i + 1];
    return next && readRun(at(i + 1), () => isLaterStatusReport(report, next)) ? [] : [i];
  });
  return runsAsRepetitions(
    finals.map((i) => {
      const report = reports[i]!;
      return readRun(at(i), () => ({
        // The command line is not part of fio's JSON, so `command` stays unset.
        toolVersion: report.toolVersion,
        startedAt: report.startedAt,
        samples: samplesOf(report.jobs),
      }));
    }),
  );
}

export const fioParser: Parser = {
  id: "fio",
  // 3: --status-interval reports read as their run's last, bsrange/bssplit and mixed read, json,normal read.
  version: 3,
  describe:
    "fio --output-format=json, json+, normal or json,normal, one run or a log of several (read/write/trim/mixed IOPS, bandwidth, latencies)",
  detect: (raw) => FIO_JSON_START.test(raw) || FIO_TEXT_MARK.test(raw),
  parse(raw) {
    if (raw.trim() === "") throw new ParseError("empty input: expected fio JSON or normal output");
    if (FIO_JSON_START.test(raw)) return readJsonLog(raw);
    if (FIO_TEXT_MARK.test(raw)) {
      return runsAsRepetitions(
        readRuns(fioTextRuns(raw), (text) => {
          const report = readFioText(text);
          return { toolVersion: report.toolVersion, samples: samplesOf(report.jobs) };
        }),
      );
    }
    throw new ParseError(
      'not fio output: expected JSON starting with "fio version" or a "<job>: (groupid=N, jobs=N)" result block',
    );
  },
};
