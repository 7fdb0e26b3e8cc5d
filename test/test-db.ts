import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type OpenDb } from "../db/open";

/** A fresh migrated database in a temp folder, for tests. Call `cleanup` in afterEach. */
export function createTestDb(): OpenDb & { path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "hvscope-test-"));
  const path = join(dir, "test.db");
  const conn = openDb(path);
  return {
    ...conn,
    path,
    cleanup() {
      conn.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Row counts of every data table, to prove that a failure wrote nothing. */
export function countRows(conn: OpenDb): Record<string, number> {
  const tables = [
    "datasets",
    "hosts",
    "runtimes",
    "workloads",
    "metrics",
    "source_files",
    "runs",
    "samples",
    "series",
    "series_stats",
    "import_samples",
  ];
  return Object.fromEntries(
    tables.map((t) => [t, (conn.client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}
