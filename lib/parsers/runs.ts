import { lineAt } from "./text";
import { ParseError, type ParseResult, type ParsedSample } from "./types";

// Logs that hold several runs: a shell loop appending one report per run to one file (issue 18).

/** One run of a log that holds several. */
export interface LoggedRun {
  text: string;
  /** 1-based line of the file the run's text starts on. */
  firstLine: number;
}

/** The text from each offset in `starts` (ascending) to the next, or to the end, with its first line. */
export function sliceRuns(raw: string, starts: readonly number[]): LoggedRun[] {
  return starts.map((start, i) => ({
    text: raw.slice(start, starts[i + 1] ?? raw.length),
    firstLine: lineAt(raw, start),
  }));
}

/**
 * The runs of a log, each from one match of `firstLine` (a report's first line; flags `gm`) to
 * the next. With fewer than two matches the whole file is one run, read exactly as before.
 */
export function splitRuns(raw: string, firstLine: RegExp): LoggedRun[] {
  const starts = [...raw.matchAll(firstLine)].map((m) => m.index);
  if (starts.length < 2) return [{ text: raw, firstLine: 1 }];
  // Lines before the first report (an `echo`, a banner) stay with it, as in a one-run file.
  starts[0] = 0;
  return sliceRuns(raw, starts);
}

/**
 * Reads run `index` of a log of `count` runs. A ParseError from it names the file's line (the
 * run's own line shifted by where it starts, or its first line) and which run failed, so that a
 * run cut short at the end of a log is found. A one-run log's errors are left as they were.
 */
export function readRun<T>(run: { index: number; count: number } & Partial<LoggedRun>, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof ParseError) || run.count === 1) throw e;
    const first = run.firstLine;
    const span =
      first === undefined || run.text === undefined ? "" : ` (lines ${first}-${first + lastLineOf(run.text) - 1})`;
    const line = first === undefined ? e.line : e.line === undefined ? first : first + e.line - 1;
    throw new ParseError(`run ${run.index + 1} of ${run.count}${span}: ${e.reason}`, line);
  }
}

/** Reads every run of a log with `read`, each error naming its run (readRun). */
export function readRuns<T>(runs: readonly LoggedRun[], read: (text: string) => T): T[] {
  return runs.map((run, index) => readRun({ index, count: runs.length, ...run }, () => read(run.text)));
}

/** How many lines `text` spans (a final newline ends the last line rather than opening one). */
function lastLineOf(text: string): number {
  return lineAt(text, text.endsWith("\n") ? text.length - 1 : text.length);
}

/**
 * Where each top-level JSON value of `raw` starts and ends: a tool writing JSON in a shell loop
 * (`iperf3 -J`, `fio --output-format=json`) appends one object per run. Text outside them (the
 * loop's echo) is passed over; a value left open at the end (a run cut short) runs to the end,
 * so that JSON.parse names where it breaks.
 */
export function jsonValueSpans(raw: string): { start: number; end: number }[] {
  const values: { start: number; end: number }[] = [];
  let [depth, start, inString, escaped] = [0, 0, false, false];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === "\\") escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = depth > 0;
    } else if (c === "{" || c === "[") {
      if (depth++ === 0) start = i;
    } else if ((c === "}" || c === "]") && depth > 0 && --depth === 0) {
      values.push({ start, end: i + 1 });
    }
  }
  // Up to its last character: JSON.parse then names the last line, not the one after it.
  if (depth > 0) values.push({ start, end: raw.trimEnd().length });
  return values;
}

/** What makes runs the same measurement: the runtime a command names, and the workload. */
const seriesOf = (s: ParsedSample) => JSON.stringify([s.runtime ?? "", s.runtimeInCommand ?? "", s.workload.name]);

/**
 * The runs of one log as one result: the n-th run of a workload (under one runtime) becomes its
 * repetition n-1 (0-based; a run's own repetitions, such as sysbench checkpoint reports, each
 * take one), and a workload run only once keeps no repetition, as in a one-run file. The command
 * is kept when every run has the same one; the tool version and start time are the first known.
 */
export function runsAsRepetitions(runs: readonly ParseResult[]): ParseResult {
  if (runs.length === 1) return runs[0]!;
  const taken = new Map<string, number>();
  const numbered = runs.flatMap((run) => {
    const slots = new Map<string, number>();
    return run.samples.map((s) => {
      const series = seriesOf(s);
      const slot = JSON.stringify([series, s.repetition ?? null]);
      let repetition = slots.get(slot);
      if (repetition === undefined) {
        repetition = taken.get(series) ?? 0;
        taken.set(series, repetition + 1);
        slots.set(slot, repetition);
      }
      return { ...s, repetition };
    });
  });
  const commands = new Set(runs.map((r) => r.command));
  const toolVersion = runs.find((r) => r.toolVersion !== undefined)?.toolVersion;
  const startedAt = runs.find((r) => r.startedAt !== undefined)?.startedAt;
  const command = commands.size === 1 ? runs[0]!.command : undefined;
  return {
    ...(toolVersion !== undefined ? { toolVersion } : {}),
    ...(command !== undefined ? { command } : {}),
    ...(startedAt !== undefined ? { startedAt } : {}),
    samples: numbered.map(({ repetition, ...s }) => (taken.get(seriesOf(s)) === 1 ? s : { ...s, repetition })),
  };
}

/** Each run's samples as a repetition of its workload (runsAsRepetitions, for parsers that keep no other result). */
export const samplesAsRepetitions = (runs: readonly (readonly ParsedSample[])[]): ParsedSample[] =>
  runsAsRepetitions(runs.map((samples) => ({ samples: [...samples] }))).samples;
