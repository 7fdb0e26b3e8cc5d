import { CLAT_PERCENTILES, FIO_DIRS, mergeJobs, workloadOf, type JobResult } from "./fio-job";
import { FIO_JSON_START, fioJsonRuns, readFioJson } from "./fio-json";
import { FIO_TEXT_MARK, fioTextRuns, readFioText } from "./fio-text";
import { readRuns, runsAsRepetitions } from "../runs";
import { ParseError, type ParsedSample, type Parser, type WorkloadKey } from "../types";

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
  if (samples.length === 0) throw new ParseError("no job did any I/O: every read, write and trim section is empty");
  return samples;
}

export const fioParser: Parser = {
  id: "fio",
  version: 2,
  describe:
    "fio --output-format=json, json+ or normal, one run or a log of several (read/write/trim IOPS, bandwidth, latencies)",
  detect: (raw) => FIO_JSON_START.test(raw) || FIO_TEXT_MARK.test(raw),
  parse(raw) {
    if (raw.trim() === "") throw new ParseError("empty input: expected fio JSON or normal output");
    if (FIO_JSON_START.test(raw)) {
      return runsAsRepetitions(
        readRuns(fioJsonRuns(raw), (text) => {
          const report = readFioJson(text);
          // The command line is not part of fio's JSON, so `command` stays unset.
          return { toolVersion: report.toolVersion, startedAt: report.startedAt, samples: samplesOf(report.jobs) };
        }),
      );
    }
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
