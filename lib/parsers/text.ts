import { toCanonical as convert, type SourceUnit, type Unit } from "@/lib/units";
import { ParseError, type ParamValue } from "./types";

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

/** A file's name without its folder and extension: a workload's name when nothing else gives one. */
export const fileStem = (fileName: string): string => fileName.replace(/^.*\//, "").replace(/\.[^.]*$/, "");

/** A workload's name with the parameters its rows are swept over (`dd-bs-sweep block_kib=64`). */
export const withParams = (name: string, params: Record<string, ParamValue>): string =>
  [name, ...Object.entries(params).map(([k, v]) => `${k}=${v}`)].join(" ");
