import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { FIXTURE_ROOT, listFixtures } from "./fixtures";
import { TOOL_IDS, type ToolId } from "../types";

// Damaged versions of the real fixtures, for the property tests in fuzz.test.ts. Each case keeps a
// shell recipe (`how`) so that a failing case can be turned into a regression fixture with the
// same command, recorded in the tool's commands.md.

export interface FixtureBytes {
  tool: ToolId;
  name: string;
  bytes: Buffer;
}

export interface FuzzCase {
  /** The fixture the bytes were made from, as `tool/name`. */
  from: string;
  /** File name handed to the parsers (the fixture's own: names may help detection, never decide it). */
  fileName: string;
  bytes: Buffer;
  /** How the bytes were made, as a shell command on the fixture. */
  how: string;
}

export function allFixtures(): FixtureBytes[] {
  return TOOL_IDS.flatMap((tool) =>
    listFixtures(tool).map((name) => ({ tool, name, bytes: readFileSync(join(FIXTURE_ROOT, tool, name)) })),
  );
}

const caseOf = (f: FixtureBytes, bytes: Buffer, how: string): FuzzCase => ({
  from: `${f.tool}/${f.name}`,
  fileName: f.name,
  bytes,
  how,
});
const hex = (b: Buffer) => [...b].map((x) => `\\x${x.toString(16).padStart(2, "0")}`).join("");

/** `head -c N`: cut anywhere, including inside a UTF-8 sequence. */
export function truncated(f: FixtureBytes): fc.Arbitrary<FuzzCase> {
  return fc.nat(f.bytes.length).map((n) => caseOf(f, f.bytes.subarray(0, n), `head -c ${n} ${f.name}`));
}

/** Bytes that tend to break hand-written readers: separators, signs, NUL, invalid UTF-8, digits. */
const NASTY_BYTES = [
  0x00, 0x0a, 0x0d, 0x09, 0x20, 0x22, 0x2c, 0x2d, 0x2e, 0x2f, 0x30, 0x39, 0x3a, 0x5b, 0x5d, 0x65, 0x7b, 0x7d, 0x7c,
  0x25, 0x80, 0xc3, 0xff,
];

/** Overwrites a few bytes in place: `{ head -c P f; printf '\xNN'; tail -c +P+2 f; }`, once per byte. */
export function byteMutated(f: FixtureBytes): fc.Arbitrary<FuzzCase> {
  const edit = fc.record({
    at: fc.nat(Math.max(0, f.bytes.length - 1)),
    byte: fc.oneof(fc.constantFrom(...NASTY_BYTES), fc.integer({ min: 0, max: 255 })),
  });
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => {
    const out = Buffer.from(f.bytes);
    for (const e of edits) if (e.at < out.length) out[e.at] = e.byte;
    const how = edits.map((e) => `byte ${e.at} := 0x${e.byte.toString(16)}`).join("; ");
    return caseOf(f, out, `${how} (each: { head -c P ${f.name}; printf '\\xNN'; tail -c +P+2 ${f.name}; })`);
  });
}

/** Tokens that parsers turn into numbers or structure: overflow, NaN, empty JSON values. */
const NASTY_TOKENS = [
  "\u0000",
  "-",
  "--",
  "NaN",
  "Infinity",
  "-0",
  "1e999",
  "1e-999",
  "9".repeat(400),
  "0.0.0",
  "\n",
  "\r\n",
  '"',
  "{}",
  "[]",
  "null",
  ",,,",
  "%",
  "|",
  " = ",
  "\uFEFF",
  "\u00b5",
  "\u2028",
];

/** Inserts a token somewhere: `{ head -c P f; printf 'TOKEN'; tail -c +P+1 f; }`. */
export function inserted(f: FixtureBytes): fc.Arbitrary<FuzzCase> {
  return fc.tuple(fc.nat(f.bytes.length), fc.constantFrom(...NASTY_TOKENS)).map(([at, token]) => {
    const t = Buffer.from(token, "utf8");
    return caseOf(
      f,
      Buffer.concat([f.bytes.subarray(0, at), t, f.bytes.subarray(at)]),
      `{ head -c ${at} ${f.name}; printf '${hex(t)}'; tail -c +${at + 1} ${f.name}; }`,
    );
  });
}

/** Removes a range of bytes: `{ head -c A f; tail -c +B+1 f; }`. */
export function cut(f: FixtureBytes): fc.Arbitrary<FuzzCase> {
  return fc.tuple(fc.nat(f.bytes.length), fc.nat(f.bytes.length)).map(([a, b]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    return caseOf(
      f,
      Buffer.concat([f.bytes.subarray(0, lo), f.bytes.subarray(hi)]),
      `{ head -c ${lo} ${f.name}; tail -c +${hi + 1} ${f.name}; }`,
    );
  });
}

/** Replaces the k-th run of digits with an extreme number: `perl -pe` would do; the recipe names it. */
export function numberMutated(f: FixtureBytes): fc.Arbitrary<FuzzCase> {
  const extremes = [
    "0",
    "00",
    "-1",
    "1e308",
    "1.7976931348623157e308",
    "9".repeat(320),
    "0.000",
    "1e-400",
    "-0",
    "4294967296",
    "18446744073709551616",
  ];
  const text = f.bytes.toString("latin1");
  const runs = [...text.matchAll(/\d+(?:\.\d+)?/g)];
  if (runs.length === 0) return fc.constant(caseOf(f, f.bytes, `cat ${f.name}`));
  return fc.tuple(fc.nat(runs.length - 1), fc.constantFrom(...extremes)).map(([k, value]) => {
    const m = runs[k]!;
    const out = text.slice(0, m.index) + value + text.slice(m.index + m[0].length);
    return caseOf(
      f,
      Buffer.from(out, "latin1"),
      `{ head -c ${m.index} ${f.name}; printf '${value}'; tail -c +${m.index + m[0].length + 1} ${f.name}; }`,
    );
  });
}

/** Random bytes (NULs included), or the fixture with NUL bytes sprinkled in. */
export function binary(f: FixtureBytes): fc.Arbitrary<FuzzCase> {
  const random = fc
    .uint8Array({ maxLength: 2048 })
    .map((a) => caseOf(f, Buffer.from(a), `head -c ${a.length} /dev/urandom`));
  const nuls = fc.array(fc.nat(f.bytes.length), { minLength: 1, maxLength: 4 }).map((at) => {
    const out = Buffer.from(f.bytes);
    for (const i of at) if (i < out.length) out[i] = 0;
    return caseOf(
      f,
      out,
      `NUL at ${at.join(",")} (each: { head -c P ${f.name}; printf '\\x00'; tail -c +P+2 ${f.name}; })`,
    );
  });
  return fc.oneof(random, nuls);
}

/** Every way a fixture can arrive empty or re-encoded, as `iconv` and friends would make it. */
export function reEncoded(f: FixtureBytes): FuzzCase[] {
  const text = f.bytes.toString("utf8");
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  return [
    caseOf(f, Buffer.alloc(0), ": >"),
    caseOf(f, Buffer.from(" \n\t\r\n \n"), "printf ' \\n\\t\\r\\n \\n'"),
    caseOf(f, BOM, "printf '\\xef\\xbb\\xbf'"),
    caseOf(f, Buffer.from(text.replace(/\S/g, " ")), `tr -c '\\n' ' ' < ${f.name}`),
    caseOf(f, Buffer.from(text, "utf16le"), `iconv -f utf-8 -t utf-16le ${f.name}`),
    caseOf(
      f,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
      `iconv -f utf-8 -t utf-16 ${f.name}`,
    ),
    caseOf(f, Buffer.from(text, "utf16le").swap16(), `iconv -f utf-8 -t utf-16be ${f.name}`),
    caseOf(f, Buffer.from(f.bytes.toString("latin1"), "utf8"), `iconv -f latin1 -t utf-8 ${f.name}`),
    caseOf(f, Buffer.from(text, "latin1"), `iconv -f utf-8 -t latin1//TRANSLIT ${f.name}`),
    caseOf(f, Buffer.concat([BOM, f.bytes]), `{ printf '\\xef\\xbb\\xbf'; cat ${f.name}; }`),
    caseOf(f, Buffer.from(text.replace(/\r?\n/g, "\r\n")), `unix2dos < ${f.name}`),
    caseOf(f, Buffer.from(text.replace(/\r?\n/g, "\r")), `tr '\\n' '\\r' < ${f.name}`),
  ];
}

/** The fixture concatenated with itself up to about `size` bytes. */
export function oversized(f: FixtureBytes, size: number): FuzzCase {
  const copies = Math.max(1, Math.ceil(size / Math.max(1, f.bytes.length)));
  return caseOf(
    f,
    Buffer.concat(Array.from({ length: copies }, () => f.bytes)),
    `for i in $(seq ${copies}); do cat ${f.name}; done`,
  );
}

/**
 * Long inputs that trip super-linear regexes: the repeated fixture as one line without newlines,
 * and as blank lines of spaces (`^\s*` with the m flag once rescanned every blank line).
 */
export function longLines(f: FixtureBytes, size: number): FuzzCase[] {
  const big = oversized(f, size);
  const text = big.bytes.toString("latin1");
  return [
    { ...big, bytes: Buffer.from(text.replace(/\n/g, ""), "latin1"), how: `${big.how} | tr -d '\\n'` },
    { ...big, bytes: Buffer.from(text.replace(/[^\n]/g, " "), "latin1"), how: `${big.how} | tr -c '\\n' ' '` },
  ];
}
