import { deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * Raw files are stored deflated: tool outputs (JSON above all) shrink several times, and writing
 * fewer overflow pages made bulk ingest faster (docs/performance.md). Level 1 costs little CPU.
 */
export function packContent(bytes: Buffer): Buffer {
  return deflateRawSync(bytes, { level: 1 });
}

export function unpackContent(packed: Buffer): string {
  return inflateRawSync(packed).toString("utf8");
}
