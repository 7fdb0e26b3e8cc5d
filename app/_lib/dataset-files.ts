import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { parseNotice, type NoticeProvenance } from "@/lib/cite/notice";

/** What the repository's own data folders say about a dataset (manifest and NOTICE). */
export interface DatasetFiles {
  description: string | null;
  source: string | null;
  notice: NoticeProvenance | null;
}

// Read at run time from the working directory, like the migrations (db/open.ts); the comment
// keeps the server build from tracing the data folders into its output.
const DATA = join(/* turbopackIgnore: true */ process.cwd(), "data");

function readFolder(folder: string): [string, DatasetFiles] | null {
  const manifest = join(folder, "hvscope.yaml");
  if (!existsSync(manifest)) return null;
  const m = parse(readFileSync(manifest, "utf8")) as { dataset?: unknown; description?: unknown; source?: unknown };
  if (typeof m?.dataset !== "string") return null;
  const notice = join(folder, "NOTICE");
  return [
    m.dataset,
    {
      description: typeof m.description === "string" ? m.description : null,
      source: typeof m.source === "string" ? m.source : null,
      notice: existsSync(notice) ? parseNotice(readFileSync(notice, "utf8")) : null,
    },
  ];
}

let cached: Map<string, DatasetFiles> | null = null;

/** The bundled and public datasets by name; read once, since they ship with the code. */
export function datasetFiles(): ReadonlyMap<string, DatasetFiles> {
  if (cached) return cached;
  const publicDir = join(DATA, "public");
  const folders = [
    join(DATA, "bundled"),
    ...(existsSync(publicDir) ? readdirSync(publicDir).map((name) => join(publicDir, name)) : []),
  ];
  cached = new Map(folders.map(readFolder).filter((entry) => entry !== null));
  return cached;
}
