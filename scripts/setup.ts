/**
 * First-run setup, safe to run again: creates and migrates the database, then imports the data
 * that ships with the repository (data/bundled and every data/public/<name>, db/ingest/bundled-data.ts).
 * Files the database holds already are skipped, so a second run imports only what is new.
 * The database: `--db FILE|postgres://…`, else DATABASE_URL (PostgreSQL) when set, else the SQLite file HVSCOPE_DB.
 */
import { existsSync } from "node:fs";
import { parseOptions, refuse } from "@/scripts/cli-options";
import { bundledFolders, describeOutcome, importBundledData } from "@/db/ingest/bundled-data";
import { openStore } from "@/db/store";
import { resolveTarget } from "@/db/target";

const USAGE = `npm run setup -- [--db FILE|postgres://…]
  --db  SQLite file or postgres:// URL (default: $DATABASE_URL, else $HVSCOPE_DB or data/hvscope.db)`;
const values = parseOptions("setup", USAGE, { db: { type: "string" } });
if (values.db === "") refuse("setup", USAGE, "--db needs a file or a postgres:// URL, got an empty string");

const started = performance.now();
const target = resolveTarget(values.db);
const state = target.kind === "postgres" ? "migrated" : existsSync(target.path) ? "exists" : "created";
const store = await openStore(target);
const path = store.label;
try {
  console.log(`${path}: ${state}; importing the bundled data`);
  const folders = bundledFolders();
  const outcomes = await importBundledData(store, folders, {
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
  await store.close();
}
