import { statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { globSync } from "tinyglobby";
import { MANIFEST_NAMES } from "@/lib/ingest/manifest/load";

/** Documentation that travels with datasets; never a measurement, so never an error. */
const NOT_DATA = /^(README|LICEN[CS]E|NOTICE|COPYING|CHANGELOG)(\.[A-Za-z]+)?$|\.md$/i;

export function isDocumentation(path: string): boolean {
  return NOT_DATA.test(basename(path));
}

export interface FoundFile {
  absPath: string;
  /** Folder the user named (a file's own folder when a file was named). */
  root: string;
  /** Path as given to ingest, relative to `root`, with forward slashes. */
  path: string;
}

/** Expands files and folders (recursively) into a sorted list; manifests are not data. */
export function findFiles(paths: string[]): FoundFile[] {
  return walkPaths(paths).files;
}

/**
 * The files under `paths`, sorted, and how many manifests the folders held: a manifest labels
 * the files beside it, so it is read but is no file to import.
 */
export function walkPaths(paths: string[]): { files: FoundFile[]; manifests: number } {
  const files: FoundFile[] = [];
  let manifests = 0;
  for (const p of paths) {
    const abs = resolve(p);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${p}: no such file or folder`);
    if (stat.isFile()) {
      files.push({ absPath: abs, root: dirname(abs), path: basename(abs) });
      continue;
    }
    const rels = globSync("**/*", { cwd: abs, onlyFiles: true, dot: false, followSymbolicLinks: false }).sort();
    for (const rel of rels) {
      if ((MANIFEST_NAMES as readonly string[]).includes(basename(rel))) manifests++;
      else files.push({ absPath: join(abs, rel), root: abs, path: rel });
    }
  }
  return { files, manifests };
}
