import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { findManifest, loadManifest, type LoadedManifest } from "@/lib/ingest/manifest/load";
import { getParser } from "@/lib/parsers";
import type { ToolId } from "@/lib/parsers/types";
import { labelFile, type CliLabels, type FileLabels } from "./labels";
import { passOverReason, type PassOver } from "./not-measurement";
import { detailOf, planFile, sha256, type FilePlan } from "./plan";
import { isDocumentation, type FoundFile } from "./walk";

/** What the writer needs to know of a file besides its plan: where it is from and what it is. */
export interface LabelledFile {
  path: string;
  sha256: string;
  sizeBytes: number;
  labels: FileLabels;
}

/**
 * `--manifest FILE` applies to everything, relative to each named folder; else the nearest one,
 * searched no higher than `top` when given.
 */
export function manifestResolver(explicit?: string, top?: string) {
  const cache = new Map<string, LoadedManifest | undefined>();
  return (file: { absPath: string; root: string }): LoadedManifest | undefined => {
    const key = explicit ? `explicit:${file.root}` : dirname(file.absPath);
    if (!cache.has(key)) {
      const path = explicit ?? findManifest(dirname(file.absPath), top);
      cache.set(key, path ? loadManifest(path, explicit ? file.root : undefined) : undefined);
    }
    return cache.get(key);
  };
}

/** A labelled file read from disk: its bytes, and what the writer needs to know of it. */
export function readLabelled(found: FoundFile, labels: FileLabels): { bytes: Buffer; file: LabelledFile } {
  const bytes = readFileSync(found.absPath);
  return { bytes, file: { path: found.path, sha256: sha256(bytes), sizeBytes: bytes.length, labels } };
}

/** A file's labels, or null when a manifest ignores it or it is documentation (not a measurement). */
export function labelsFor(
  file: FoundFile,
  cli: CliLabels,
  manifestFor: ReturnType<typeof manifestResolver>,
): FileLabels | null {
  const labels = labelFile(file.absPath, file.root, cli, manifestFor(file));
  return labels.ignore || isDocumentation(file.path) ? null : labels;
}

/**
 * A file read, labelled, hashed, parsed and deflated ahead of the writer (db/ingest/prepare-ahead.ts).
 * `counted` says whether a failure came after labelling, where ingest counts the file as seen;
 * `file` is there once it was hashed, so a stored file that no longer parses is still skipped.
 */
export type PreparedFile =
  | { status: "ignored" }
  | ({ status: "passedOver"; file: LabelledFile } & PassOver)
  | { status: "ready"; file: LabelledFile; plan: FilePlan; packed: Buffer }
  | { status: "failed"; error: string; detail?: string; counted: boolean; file?: LabelledFile };

/**
 * Prepared files as they cross threads, a few at a time: JSON and the deflated bytes. The parser
 * goes by id (functions cannot be posted). JSON costs the writer less to receive than a posted
 * object graph, and a message per file cost it more than the file's JSON (docs/performance.md).
 */
export interface PostedBatch {
  json: string;
  /** Each file's deflated bytes, in order; null where it is not ready. */
  packed: (Uint8Array | null)[];
}

export interface Numbered {
  i: number;
  prepared: PreparedFile;
}

export function postBatch(batch: readonly Numbered[]): PostedBatch {
  const plain = batch.map(({ i, prepared }) => ({
    i,
    prepared:
      prepared.status === "ready"
        ? { ...prepared, packed: null, plan: { ...prepared.plan, parser: prepared.plan.parser.id } }
        : prepared,
  }));
  return {
    json: JSON.stringify(plain),
    packed: batch.map(({ prepared }) => (prepared.status === "ready" ? prepared.packed : null)),
  };
}

export function receiveBatch({ json, packed }: PostedBatch): Numbered[] {
  const batch = JSON.parse(json) as Numbered[];
  batch.forEach(({ prepared }, k) => {
    if (prepared.status !== "ready") return;
    const plan = prepared.plan;
    plan.parser = getParser(plan.parser as unknown as ToolId);
    if (plan.startedAt !== undefined) plan.startedAt = new Date(plan.startedAt);
    const bytes = packed[k]!; // posted as a plain Uint8Array
    prepared.packed = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  });
  return batch;
}

/** Prepares one file entirely, as the thread ahead of the writer does; never throws. */
export function prepareFile(
  found: FoundFile,
  labelsOf: (file: FoundFile) => FileLabels | null,
  pack: (bytes: Buffer) => Buffer,
): PreparedFile {
  let labels: FileLabels | null;
  try {
    labels = labelsOf(found);
  } catch (e) {
    return { status: "failed", error: message(e), counted: false };
  }
  if (labels === null) return { status: "ignored" };
  let file: LabelledFile | undefined;
  try {
    const read = readLabelled(found, labels);
    file = read.file;
    const passOver = passOverReason(read.bytes);
    if (passOver) return { status: "passedOver", file, ...passOver };
    const plan = planFile(read.bytes.toString("utf8"), found.path, labels);
    return { status: "ready", file, plan, packed: pack(read.bytes) };
  } catch (e) {
    const detail = detailOf(e);
    return {
      status: "failed",
      error: message(e),
      counted: true,
      ...(detail ? { detail } : {}),
      ...(file ? { file } : {}),
    };
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
