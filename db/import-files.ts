import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { labelFile, type CliLabels } from "@/lib/ingest/labels";
import { planFile, sha256 } from "@/lib/ingest/plan";
import { findFiles, isDocumentation } from "@/lib/ingest/walk";
import { findManifest, loadManifest, type LoadedManifest } from "@/lib/manifest/load";
import { GroupCommitFailed, IngestWriter } from "./ingest";
import type { OpenDb } from "./open";
import { withTransaction } from "./transaction";

export interface ImportOptions extends CliLabels {
  manifest?: string;
  dryRun?: boolean;
  argv?: string[];
  onFile?: (done: number, total: number) => void;
}

export interface ImportSummary {
  files: number;
  imported: number;
  skipped: number;
  failed: { file: string; error: string }[];
  samples: number;
  /** Files a manifest marks as not measurements; not counted in `files`. */
  ignored: number;
  importId?: number;
}

/**
 * Imports files and folders: label, parse, then store each file in its own transaction.
 * A failing file is reported and writes nothing; the others go on. A dry run does all of it
 * inside one outer transaction that is rolled back.
 */
export async function importPaths(conn: OpenDb, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const files = findFiles(paths);
  const manifestFor = manifestResolver(options.manifest);
  const writer = new IngestWriter(conn);
  const summary: ImportSummary = { files: 0, imported: 0, skipped: 0, failed: [], samples: 0, ignored: 0 };
  const work = async () => {
    const importId = await writer.startImport(options.argv ?? paths);
    for (const [i, file] of files.entries()) {
      options.onFile?.(i, files.length);
      try {
        const labels = labelFile(file.absPath, file.root, options, manifestFor(file));
        if (labels.ignore || isDocumentation(file.path)) {
          summary.ignored++;
          continue;
        }
        summary.files++;
        const bytes = readFileSync(file.absPath);
        const stored = { path: file.path, bytes, sha256: sha256(bytes), labels };
        if (await writer.isStored(stored)) {
          summary.skipped++;
          continue;
        }
        const plan = planFile(bytes.toString("utf8"), file.path, labels);
        await writer.write(importId, stored, plan);
        summary.imported++;
        summary.samples += plan.sampleCount;
      } catch (e) {
        // Not this file's fault, and files counted as imported went with it: stop, loudly.
        if (e instanceof GroupCommitFailed) throw e;
        summary.failed.push({ file: file.path, error: e instanceof Error ? e.message : String(e) });
      }
    }
    options.onFile?.(files.length, files.length);
    await writer.finishImport(importId, {
      total: summary.files,
      imported: summary.imported,
      skipped: summary.skipped,
      failed: summary.failed.length,
      samples: summary.samples,
    });
    summary.importId = importId;
  };
  if (!options.dryRun) await work();
  else
    await withTransaction(conn, async () => {
      await work();
      throw new DryRunRollback();
    }).catch((e) => {
      if (!(e instanceof DryRunRollback)) throw e;
      delete summary.importId;
    });
  return summary;
}

class DryRunRollback extends Error {}

/** `--manifest FILE` applies to everything, relative to each named folder; else the nearest one. */
function manifestResolver(explicit?: string) {
  const cache = new Map<string, LoadedManifest | undefined>();
  return (file: { absPath: string; root: string }): LoadedManifest | undefined => {
    const key = explicit ? `explicit:${file.root}` : dirname(file.absPath);
    if (!cache.has(key)) {
      const path = explicit ?? findManifest(dirname(file.absPath));
      cache.set(key, path ? loadManifest(path, explicit ? file.root : undefined) : undefined);
    }
    return cache.get(key);
  };
}
