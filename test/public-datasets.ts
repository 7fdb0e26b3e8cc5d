import { join } from "node:path";
import { importPaths } from "../db/ingest/import-paths";
import type { OpenDb } from "../db/open";

/** The public datasets bundled in the repository (data/public/README.md), each with its manifest. */
export const PUBLIC_DATA = join(import.meta.dirname, "..", "data", "public");

/** Test support: imports gVisor's published results and Firecracker's NSDI'20 raw outputs through their manifests. */
export async function importPublicDatasets(conn: OpenDb): Promise<void> {
  await importPaths(conn, [join(PUBLIC_DATA, "gvisor-website")]);
  await importPaths(conn, [join(PUBLIC_DATA, "firecracker-nsdi2020")]);
}
