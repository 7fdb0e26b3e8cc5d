import { existsSync } from "node:fs";
import { join } from "node:path";
import { importPaths } from "../db/ingest/import-paths";
import type { OpenDb } from "../db/open";

/** ../shared/datasets beside the repository: public raw data, never copied in. Tests skip without it. */
export const SHARED_DATASETS = join(import.meta.dirname, "..", "..", "shared", "datasets");
export const EXAMPLE_MANIFESTS = join(import.meta.dirname, "..", "examples", "manifests");
export const hasSharedDatasets = existsSync(SHARED_DATASETS);

/** Test support: imports gVisor's published results and Firecracker's NSDI'20 raw outputs through their example manifests. */
export async function importPublicDatasets(conn: OpenDb): Promise<void> {
  await importPaths(conn, [join(SHARED_DATASETS, "gvisor-website")], {
    manifest: join(EXAMPLE_MANIFESTS, "gvisor-website.yaml"),
  });
  await importPaths(conn, [join(SHARED_DATASETS, "firecracker-nsdi2020/m5d.metal")], {
    manifest: join(EXAMPLE_MANIFESTS, "firecracker-nsdi2020.yaml"),
  });
}
