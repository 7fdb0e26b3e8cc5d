/**
 * First-run setup, safe to run again: creates and migrates the database, then imports the data
 * that ships with the repository (data/bundled and every data/public/<name>, db/ingest/bundled-data.ts).
 * Files the database holds already are skipped, so a second run imports only what is new.
 */
import { existsSync } from "node:fs";
import { bundledFolders, describeOutcome, importBundledData } from "@/db/ingest/bundled-data";
import { openDb } from "@/db/open";
import { readEnv } from "@/lib/env";

const started = performance.now();
const path = readEnv().HVSCOPE_DB;
const isNew = !existsSync(path);
const conn = openDb(path);
try {
  console.log(`${path}: ${isNew ? "created" : "exists"}; importing the bundled data`);
  const folders = bundledFolders();
  const outcomes = await importBundledData(conn, folders, {
    onFolder: (o) => console.log(`  ${o.folder.path}: ${describeOutcome(o)}`),
  });
  const failed = outcomes.flatMap((o) => o.failed);
  for (const f of failed) console.error(`error: ${f.file}: ${f.error}`);
  const imported = outcomes.reduce((n, o) => n + o.imported, 0);
  const samples = outcomes.reduce((n, o) => n + o.samples, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${path}: ${folders.length} folders, ${imported.toLocaleString("en-US")} files imported (${samples.toLocaleString("en-US")} samples), ${failed.length} failed, in ${seconds} s`,
  );
  if (failed.length > 0) process.exitCode = 1;
} finally {
  conn.close();
}
