import { labelsFor, manifestResolver, prepareFile } from "@/lib/ingest/prepare";
import { detailOf } from "@/lib/ingest/plan";
import { walkPaths, type FoundFile } from "@/lib/ingest/walk";
import { packContent } from "../content";
import { describeError } from "../errors";
import { FileImporter } from "./file-importer";
import type { FileWriter } from "./file-writer";
import type { ImportOptions, ImportSummary } from "./import-types";
import { PrepareAhead } from "./prepare-ahead";
import { GroupCommitFailed } from "./writer";

/**
 * Imports of fewer files are prepared on the writer's thread alone: starting the worker costs
 * more than it saves on a small import (docs/performance.md).
 */
const PREPARE_AHEAD_MIN_FILES = 3000;
/**
 * Files found stored already, in a row, after which the writer prepares the rest itself: its
 * own way checks the hash before parsing, so a re-import is faster than with the worker parsing
 * and deflating every file (docs/performance.md).
 */
export const STORED_IN_A_ROW = 64;

/** An import's summary before any file. */
export function emptySummary(): ImportSummary {
  return {
    files: 0,
    imported: 0,
    skipped: 0,
    failed: [],
    samples: 0,
    ignored: 0,
    manifests: 0,
    passedOver: [],
    unknownRuntimes: [],
  };
}

/**
 * One import through either engine's writer: label, parse, then store each file atomically.
 * A failing file is reported in `summary` and writes nothing; the others go on. Large imports
 * prepare files on a second thread ahead of the writer (db/ingest/prepare-ahead.ts);
 * `prepareAhead` forces it on or off.
 */
export async function importFiles(
  writer: FileWriter,
  paths: string[],
  options: ImportOptions,
  summary: ImportSummary,
): Promise<void> {
  const { files, manifests } = walkPaths(paths);
  summary.manifests += manifests;
  const manifestFor = manifestResolver(options.manifest, options.manifestsWithin);
  const importId = await writer.startImport(options.argv ?? paths);
  const labelsOf = (found: FoundFile) => labelsFor(found, options, manifestFor);
  const importer = new FileImporter(writer, importId, summary, labelsOf, options.strict);
  const prepareHere = (i: number) => prepareFile(files[i]!, labelsOf, packContent);
  const ahead =
    (options.prepareAhead ?? files.length >= PREPARE_AHEAD_MIN_FILES)
      ? PrepareAhead.start(files, { cli: options, manifest: options.manifest }, prepareHere)
      : null;
  let storedInARow = 0;
  try {
    for (const [i, found] of files.entries()) {
      options.onFile?.(i, files.length);
      try {
        const prepared = await ahead?.take(i);
        const outcome = prepared ? await importer.storePrepared(prepared) : await importer.prepareAndStore(found);
        if (outcome === "imported") storedInARow = 0;
        else if (outcome === "stored" && ++storedInARow > STORED_IN_A_ROW) ahead?.stop();
      } catch (e) {
        // Not this file's fault, and files counted as imported went with it: stop, loudly.
        if (e instanceof GroupCommitFailed) throw e;
        summary.failed.push({ file: found.path, error: failureMessage(e, options.verbose) });
      }
    }
  } finally {
    ahead?.stop();
  }
  if (ahead) summary.preparedAhead = ahead.preparedByWorker;
  options.onFile?.(files.length, files.length);
  await writer.finishImport(importId, {
    total: summary.files,
    imported: summary.imported,
    skipped: summary.skipped,
    failed: summary.failed.length,
    samples: summary.samples,
  });
  summary.importId = importId;
}

/** Thrown inside a dry run's outer transaction to roll it back. */
export class DryRunRollback extends Error {}

function failureMessage(e: unknown, verbose = false): string {
  const detail = verbose ? detailOf(e) : undefined;
  return detail ?? describeError(e);
}
