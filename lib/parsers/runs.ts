import { lineAt } from "./text";
import { ParseError, type ParseResult, type ParsedSample } from "./types";

// Logs that hold several runs: a shell loop appending one report per run to one file (issue 18).

/** One run's report inside a log: where it starts and its text. */
export interface RunText {
  start: number;
  text: string;
}

/**
 * The runs of a log, each from one match of `firstLine` (a report's first line; flags `gm`) to
 * the next. With fewer than two matches the whole file is one run, read exactly as before.
 */
export function splitRuns(raw: string, firstLine: RegExp): RunText[] {
  const starts = [...raw.matchAll(firstLine)].map((m) => m.index);
  if (starts.length < 2) return [{ start: 0, text: raw }];
  // Lines before the first report (an `echo`, a banner) stay with it, as in a one-run file.
  starts[0] = 0;
  return starts.map((start, i) => ({ start, text: raw.slice(start, starts[i + 1] ?? raw.length) }));
}

/**
 * Reads each run with `read`; a ParseError then names the run and counts its line from the start
 * of the log (the run's first line when the error had none), so a log cut short points at its last run.
 */
export function readRuns<T>(raw: string, runs: readonly RunText[], read: (text: string) => T): T[] {
  if (runs.length === 1) return [read(runs[0]!.text)];
  return runs.map((run, i) => {
    try {
      return read(run.text);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      const first = lineAt(raw, run.start);
      throw new ParseError(`run ${i + 1} of ${runs.length}: ${e.reason}`, first + (e.line ?? 1) - 1);
    }
  });
}

const runKey = (s: ParsedSample) => JSON.stringify([s.runtimeInCommand ?? "", s.workload.name]);

/**
 * Flattens runs (each the samples of one workload, under one runtime) in log order, numbering the
 * runs of each workload 0, 1, …. A workload run once keeps no number, as a one-run file always had.
 */
export function numberRepetitions(runs: readonly (readonly ParsedSample[])[]): ParsedSample[] {
  const total = new Map<string, number>();
  for (const run of runs) if (run[0]) total.set(runKey(run[0]), (total.get(runKey(run[0])) ?? 0) + 1);
  const seen = new Map<string, number>();
  return runs.flatMap((run) => {
    if (!run[0]) return [];
    const key = runKey(run[0]);
    if (total.get(key) === 1) return [...run];
    const repetition = seen.get(key) ?? 0;
    seen.set(key, repetition + 1);
    return run.map((s) => ({ ...s, repetition }));
  });
}

/**
 * One result for the runs of a log: the first tool version, the command when every run shares
 * it, and each run's samples as a repetition of its workload.
 */
export function combineRuns(results: readonly ParseResult[]): ParseResult {
  if (results.length === 1) return results[0]!;
  const commands = new Set(results.map((r) => r.command));
  const toolVersion = results.find((r) => r.toolVersion)?.toolVersion;
  const command = commands.size === 1 ? results[0]!.command : undefined;
  return {
    ...(toolVersion ? { toolVersion } : {}),
    ...(command ? { command } : {}),
    samples: numberRepetitions(results.map((r) => r.samples)),
  };
}
