import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";
import { bundledFolders, describeOutcome, importBundledData } from "../db/ingest/bundled-data";
import { createUploadToken } from "../db/queries/upload-tokens";
import { openStore, type Store } from "../db/store";
import { resolveTarget } from "../db/target";
import { E2E_DB, E2E_ON_POSTGRES, E2E_UPLOAD_TOKEN_FILE, e2ePgUrl } from "./db-path";
import { HOSTILE, HOSTILE_FILES } from "./hostile-labels";

/**
 * Builds a fresh database from real data only: what `npm run setup` imports (data/bundled and
 * every public dataset in data/public), then a dataset with hostile labels, and an upload token. Run by the web
 * server command before `next start`, so the server never opens a file deleted under it. On the
 * PostgreSQL run (E2E_ON_POSTGRES) the same, into a database made afresh on the test server.
 */
async function buildDb() {
  rmSync(dirname(E2E_DB), { recursive: true, force: true });
  mkdirSync(dirname(E2E_DB), { recursive: true });
  const target = E2E_ON_POSTGRES ? await freshPgDatabase(e2ePgUrl()) : E2E_DB;
  const store = await openStore(resolveTarget(target));
  try {
    await importInto(store);
  } finally {
    await store.close();
  }
  // Real ping outputs under labels that are HTML and script, for e2e/hostile.spec.ts.
  const ingest = (...args: string[]) =>
    execFileSync("npx", ["tsx", "scripts/ingest.ts", "--db", target, ...args], { stdio: "inherit" });
  const labels = ["--dataset", HOSTILE.dataset, "--host", HOSTILE.host];
  ingest(...labels, "--runtime", "runc", HOSTILE_FILES.runc);
  ingest(...labels, "--runtime", HOSTILE.runtime, HOSTILE_FILES.hostile);
}

async function importInto(store: Store) {
  const outcomes = await importBundledData(store, bundledFolders(), {
    argv: ["e2e/build-db.ts"],
    onFolder: (o) => console.log(`e2e: ${o.folder.path}: ${describeOutcome(o)}`),
  });
  const failed = outcomes.flatMap((o) => o.failed);
  if (failed.length > 0) throw new Error(`e2e: ${failed.map((f) => `${f.file}: ${f.error}`).join("; ")}`);
  // Uploads are on, as an operator turns them on; the token is printed once, here into a file.
  writeFileSync(E2E_UPLOAD_TOKEN_FILE, await createUploadToken(store.db, "e2e-upload", null), { mode: 0o600 });
}

/** Drops and creates the e2e database (C collation, as docs/deploy.md asks), and returns its URL. */
async function freshPgDatabase(url: string): Promise<string> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: process.env.HVSCOPE_TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  return url;
}

await buildDb();
