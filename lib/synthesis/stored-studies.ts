import type { Study } from "./studies";

/**
 * Bump when what a host's studies are changes (toStudies, headline choice, the estimates): stored
 * studies are keyed by it with the host's fingerprint, so rows of an older computation are never
 * read again (docs/decisions/019-bounded-synthesis-inputs.md).
 */
export const STUDIES_FORMAT = 1;

// JSON has no NaN, ±Infinity or -0 (a df is Infinity when neither side varies), so those numbers
// are written as strings, and read back as numbers under the keys that hold numbers.
const NUMERIC_KEYS = new Set(["logRatio", "variance", "df", "n", "k"]);
const unrepresentable = (v: number) => !Number.isFinite(v) || Object.is(v, -0);

/** Studies as stored text, read back by `decodeStudies` to objects equal to these. */
export function encodeStudies(studies: readonly Study[]): string {
  return JSON.stringify(studies, (_key, v: unknown) =>
    typeof v === "number" && unrepresentable(v) ? (Object.is(v, -0) ? "-0" : String(v)) : v,
  );
}

/** How `encodeStudies` writes an unrepresentable number: a quoted NaN, ±Infinity or -0. */
const ENCODED_NUMBER = /"(?:NaN|-?Infinity|-0)"/;

export function decodeStudies(text: string): Study[] {
  // A reviver makes parsing several times slower, and most hosts' studies hold no such number.
  if (!ENCODED_NUMBER.test(text)) return JSON.parse(text) as Study[];
  return JSON.parse(text, (key, v: unknown) =>
    typeof v === "string" && NUMERIC_KEYS.has(key) ? Number(v) : v,
  ) as Study[];
}
