import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_NAMES } from "@/lib/ingest/manifest/load";
import type { Store } from "../store";
import type { ImportSummary } from "./import-types";

/** The repository's root: this file is db/ingest/bundled-data.ts. */
const REPO_ROOT = join(import.meta.dirname, "..", "..");

/** A folder of data that ships with the repository, imported by `npm run setup`. */
export interface BundledFolder {
  /** Relative to the repository's root, with forward slashes: `data/public/gvisor-website`. */
  path: string;
  absPath: string;
  /** Whether the folder holds its manifest (hvscope.yaml); a public dataset without one is a mistake. */
  hasManifest: boolean;
}

/**
 * The data that ships with the repository: the harness's own run (`data/bundled`) first, then
 * every public dataset (`data/public/<name>`, data/public/README.md), by name.
 */
export function bundledFolders(root = REPO_ROOT): BundledFolder[] {
  const folder = (path: string): BundledFolder => ({
    path,
    absPath: join(root, path),
    hasManifest: MANIFEST_NAMES.some((m) => existsSync(join(root, path, m))),
  });
  const own = existsSync(join(root, "data", "bundled")) ? [folder("data/bundled")] : [];
  const publicRoot = join(root, "data", "public");
  const published = existsSync(publicRoot)
    ? readdirSync(publicRoot, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
        .map((name) => folder(`data/public/${name}`))
    : [];
  return [...own, ...published];
}

/** What importing one bundled folder did. */
export interface FolderOutcome {
  folder: BundledFolder;
  imported: number;
  skipped: number;
  samples: number;
  /** Each failed file, its path relative to the repository's root. */
  failed: ImportSummary["failed"];
}

/**
 * Imports each folder (its own import, so `asof` can pin one dataset's arrival), storing only
 * files the database does not hold yet: the ingester reports the same bytes in the same
 * dataset as skipped. `onFolder` hears of each folder as it is done.
 */
export async function importBundledData(
  store: Pick<Store, "importPaths">,
  folders: readonly BundledFolder[],
  { onFolder, argv = ["setup"] }: { onFolder?: (outcome: FolderOutcome) => void; argv?: string[] } = {},
): Promise<FolderOutcome[]> {
  const outcomes: FolderOutcome[] = [];
  for (const folder of folders) {
    const outcome: FolderOutcome = folder.hasManifest
      ? await importFolder(store, folder, argv)
      : {
          folder,
          imported: 0,
          skipped: 0,
          samples: 0,
          failed: [{ file: folder.path, error: `no manifest (${MANIFEST_NAMES[0]}) in the folder; not imported` }],
        };
    outcomes.push(outcome);
    onFolder?.(outcome);
  }
  return outcomes;
}

async function importFolder(
  store: Pick<Store, "importPaths">,
  folder: BundledFolder,
  argv: string[],
): Promise<FolderOutcome> {
  const summary = await store.importPaths([folder.absPath], { argv: [...argv, folder.path] });
  return {
    folder,
    imported: summary.imported,
    skipped: summary.skipped,
    samples: summary.samples,
    failed: summary.failed.map((f) => ({ ...f, file: `${folder.path}/${f.file}` })),
  };
}

const count = (n: number, what: string) => `${n.toLocaleString("en-US")} ${what}${n === 1 ? "" : "s"}`;

/** One line per folder: `imported 20 files (990 samples)`, `already present (8 files)`, `2 files failed`. */
export function describeOutcome({ imported, skipped, samples, failed }: FolderOutcome): string {
  const parts: string[] = [];
  if (imported > 0) parts.push(`imported ${count(imported, "file")} (${count(samples, "sample")})`);
  if (skipped > 0)
    parts.push(
      imported > 0 ? `${count(skipped, "file")} already present` : `already present (${count(skipped, "file")})`,
    );
  if (failed.length > 0) parts.push(`${count(failed.length, "file")} failed`);
  return parts.length > 0 ? parts.join(", ") : "no data files";
}
