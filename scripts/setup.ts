/**
 * First-run setup: create and migrate the database, and import the bundled dataset
 * (data/bundled) when the database has no imports yet. Safe to run again.
 */
import { existsSync } from "node:fs";
import { importPaths } from "@/db/ingest/import-paths";
import { openDb } from "@/db/open";
import { readEnv } from "@/lib/env";

const BUNDLED = "data/bundled";
const path = readEnv().HVSCOPE_DB;
const conn = openDb(path);
try {
  const { n } = conn.client.prepare("SELECT count(*) AS n FROM imports").get() as { n: number };
  if (n > 0) console.log(`${path} already holds ${n} imports; leaving it as it is`);
  else if (!existsSync(BUNDLED)) console.log(`${path} created; no bundled dataset at ${BUNDLED} to import`);
  else {
    const summary = await importPaths(conn, [BUNDLED], { argv: ["setup", BUNDLED] });
    console.log(`${path}: imported ${summary.imported} files, ${summary.samples} samples from ${BUNDLED}`);
    for (const f of summary.failed) console.error(`error: ${f.file}: ${f.error}`);
    if (summary.failed.length > 0) process.exitCode = 1;
  }
} finally {
  conn.close();
}
