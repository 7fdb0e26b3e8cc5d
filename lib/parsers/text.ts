import { ParseError } from "./types";

/** 1-based line number of a character offset, for error messages. */
export function lineAt(raw: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < raw.length; i++) if (raw.charCodeAt(i) === 10) line++;
  return line;
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
