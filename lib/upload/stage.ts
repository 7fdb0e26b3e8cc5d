import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { UploadRejected } from "./rejected";
import type { Unpacked } from "./body";

export interface Staged {
  /** The folder to import, as `npm run ingest ROOT` would. */
  root: string;
  /** The private temp folder holding it; removed by `cleanup`. */
  base: string;
  cleanup(): void;
}

/**
 * Writes an upload's files into a fresh private temp folder (mode 0700) so that the CLI's import
 * runs on it unchanged. An archive holding one top-level folder is imported as that folder (its
 * name is the default dataset, as with `npm run ingest FOLDER`); loose files go into a folder
 * named after the `dataset` field, else "upload". Paths were checked by lib/upload/safe-path.ts
 * and the tree is new, so no write can leave it.
 */
export function stageUpload(upload: Unpacked): Staged {
  const base = mkdtempSync(join(tmpdir(), "hvscope-upload-"));
  const cleanup = () => rmSync(base, { recursive: true, force: true });
  try {
    const top = join(base, safeFolderName(upload.fields.dataset ?? "upload"));
    for (const file of upload.files) {
      const target = join(top, file.path);
      mkdirSync(dirname(target), { recursive: true });
      try {
        writeFileSync(target, file.data, { flag: "wx" });
      } catch (e) {
        throw new UploadRejected(422, `${file.path}: sent twice, or as both a file and a folder (${codeOf(e)})`);
      }
    }
    const firstSegments = new Set(upload.files.map((f) => (f.path.includes("/") ? f.path.split("/")[0] : "")));
    const [only] = firstSegments;
    const root = firstSegments.size === 1 && only ? join(top, only) : top;
    if (upload.manifest) writeFileSync(join(root, upload.manifest.path), upload.manifest.data, { flag: "wx" });
    return { root, base, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

/** A dataset name used as a folder name: one path segment. */
function safeFolderName(name: string): string {
  const cleaned = name.replace(/[/\\\0]/g, "_");
  return cleaned === "." || cleaned === ".." ? "upload" : cleaned;
}

const codeOf = (e: unknown) => (e instanceof Error && "code" in e ? String(e.code) : String(e));
