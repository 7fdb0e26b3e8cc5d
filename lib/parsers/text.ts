import { toCanonical as convert, type SourceUnit, type Unit } from "@/lib/units";
import { ParseError, type ParseResult } from "./types";

// Offsets of every "\n" in the last text lineAt was asked about. Parsers call lineAt once per
// match; counting newlines from the start each time made a long report quadratic (issue 7;
// docs/performance.md). Parsing is synchronous, so one cached text is enough.
let indexed: { raw: string; newlines: number[] } | undefined;

function newlinesOf(raw: string): number[] {
  if (indexed?.raw !== raw) {
    const newlines: number[] = [];
    for (let i = raw.indexOf("\n"); i >= 0; i = raw.indexOf("\n", i + 1)) newlines.push(i);
    indexed = { raw, newlines };
  }
  return indexed.newlines;
}

/** 1-based line number of a character offset, for error messages. */
export function lineAt(raw: string, offset: number): number {
  const newlines = newlinesOf(raw);
  // Lines before `offset` = newlines at positions < offset (binary search).
  let [lo, hi] = [0, newlines.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newlines[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/**
 * lib/units' conversion, for parsers: a value that overflows its canonical unit (1e308 s is
 * Infinity ns) is not a measurement, so it fails here as a ParseError instead of reaching the
 * database as Infinity.
 */
export function toCanonical(value: number, from: SourceUnit): { value: number; unit: Unit } {
  const converted = convert(value, from);
  if (!Number.isFinite(converted.value))
    throw new ParseError(`${value} ${from} is out of range: not a finite number of ${converted.unit}`);
  return converted;
}

/** Parses a finite number or throws a ParseError naming what was expected. */
export function toNumber(text: string | undefined, what: string, line?: number): number {
  const value = text === undefined ? NaN : Number(text.replace(/,/g, ""));
  if (!Number.isFinite(value)) throw new ParseError(`expected a number for ${what}, got ${JSON.stringify(text)}`, line);
  return value;
}

/**
 * Runs `re` (no `g` flag) on `raw` and returns its first group as a number, or throws a
 * ParseError that says which field was missing.
 */
export function requireNumber(raw: string, re: RegExp, what: string): number {
  const m = re.exec(raw);
  if (!m) throw new ParseError(`missing ${what} (expected a line matching ${re.source})`);
  return toNumber(m[1], what, lineAt(raw, m.index));
}

/** JSON.parse with an error that names the line and column instead of a bare offset. */
export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    throw new ParseError(`invalid JSON: ${msg}`, pos ? lineAt(raw, Number(pos[1])) : undefined);
  }
}

/** One run of a log that holds several (a shell loop appending each run to one file). */
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
 * Reads run `index` of a log of `count` runs. A ParseError from it names the file's line (the
 * run's own line shifted by where it starts, or its first line) and which run failed, so that a
 * run cut short at the end of a log is found. A one-run log's errors are left as they were.
 */
export function readRun<T>(run: { index: number; count: number } & Partial<LoggedRun>, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof ParseError) || run.count === 1) throw e;
    const message = e.line === undefined ? e.message : e.message.slice(`line ${e.line}: `.length);
    const first = run.firstLine;
    const span =
      first === undefined || run.text === undefined ? "" : ` (lines ${first}-${first + lastLineOf(run.text) - 1})`;
    const line = first === undefined ? e.line : e.line === undefined ? first : first + e.line - 1;
    throw new ParseError(`run ${run.index + 1} of ${run.count}${span}: ${message}`, line);
  }
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

/**
 * The runs of one log as one result: the n-th run of a workload becomes its repetition n-1
 * (0-based; a run's own repetitions, such as sysbench checkpoint reports, each take one), and a
 * workload run only once keeps no repetition, as in a one-run file. The command is kept when
 * every run has the same one; the start time is the first run's.
 */
export function runsAsRepetitions(runs: readonly ParseResult[]): ParseResult {
  if (runs.length === 1) return runs[0]!;
  const taken = new Map<string, number>();
  const numbered = runs.flatMap((run) => {
    const slots = new Map<string, number>();
    return run.samples.map((s) => {
      const slot = JSON.stringify([s.workload.name, s.repetition ?? null]);
      let repetition = slots.get(slot);
      if (repetition === undefined) {
        repetition = taken.get(s.workload.name) ?? 0;
        taken.set(s.workload.name, repetition + 1);
        slots.set(slot, repetition);
      }
      return { ...s, repetition };
    });
  });
  const commands = new Set(runs.map((r) => r.command));
  return {
    toolVersion: runs.find((r) => r.toolVersion !== undefined)?.toolVersion,
    command: commands.size === 1 ? runs[0]!.command : undefined,
    startedAt: runs.find((r) => r.startedAt !== undefined)?.startedAt,
    samples: numbered.map(({ repetition, ...s }) => (taken.get(s.workload.name) === 1 ? s : { ...s, repetition })),
  };
}
