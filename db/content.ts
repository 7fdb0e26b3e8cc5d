import { deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * Raw files are stored deflated: tool outputs (JSON above all) shrink 5-10x, and writing
 * fewer overflow pages made bulk ingest about a quarter faster. Level 1 costs little CPU.
 */
export function packContent(bytes: Buffer): Buffer {
  return deflateRawSync(bytes, { level: 1 });
}

export function unpackContent(packed: Buffer): string {
  return inflateRawSync(packed).toString("utf8");
}
