/**
 * Files found beside measurements that are not benchmark outputs at all: plots, archives and other
 * binaries, and empty files (a run that left no output). Decided by content, never by name.
 */
export type PassOverKind = "binary" | "empty";

export interface PassOver {
  kind: PassOverKind;
  reason: string;
}

/** Enough of a file to tell a binary from text: magic numbers and NUL bytes show up early. */
const SNIFF_BYTES = 1024;

const MAGIC_NUMBERS: readonly { name: string; bytes: readonly number[] }[] = [
  { name: "PDF document", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: "PNG image", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "zip archive", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "gzip archive", bytes: [0x1f, 0x8b] },
  { name: "xz archive", bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: "zstd archive", bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: "7-zip archive", bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: "ELF executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  // Text, but a plot (EPS figures sit beside the data they draw), never a benchmark's output.
  { name: "PostScript document", bytes: [0x25, 0x21, 0x50, 0x53] },
];

/** Why a file is no benchmark output, or null when it may be one and goes to the parsers. */
export function passOverReason(bytes: Buffer): PassOver | null {
  if (isBlank(bytes)) return { kind: "empty", reason: bytes.length === 0 ? "empty file" : "blank file" };
  const head = bytes.subarray(0, SNIFF_BYTES);
  const binary = magicName(head) ?? (head.includes(0) ? "NUL bytes" : isUtf8Start(head) ? null : "not UTF-8 text");
  return binary ? { kind: "binary", reason: `not a benchmark output (${binary})` } : null;
}

function magicName(head: Buffer): string | null {
  const hit = MAGIC_NUMBERS.find(({ bytes }) => bytes.every((b, i) => head[i] === b));
  return hit?.name ?? null;
}

/** Whitespace only, stopping at the first other byte so that a large output costs nothing. */
function isBlank(bytes: Buffer): boolean {
  for (const b of bytes)
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) return false;
  return true;
}

/** Streaming decode: a character cut at the sniff boundary is not an error. */
function isUtf8Start(head: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}
