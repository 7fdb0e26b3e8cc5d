import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { bundledFolders, describeOutcome, importBundledData } from "../db/ingest/bundled-data";
import { openDb } from "../db/open";
import { createUploadToken } from "../db/queries/upload-tokens";
import { sqliteStore } from "../db/store";
import { E2E_DB, E2E_UPLOAD_TOKEN_FILE } from "./db-path";
import { HOSTILE, HOSTILE_FILES } from "./hostile-labels";

/**
 * Builds a fresh database from real data only: what `npm run setup` imports (data/bundled and
 * every public dataset in data/public), then a dataset with hostile labels, and an upload token. Run by the web
 * server command before `next start`, so the server never opens a file deleted under it.
 */
async function buildDb() {
  rmSync(dirname(E2E_DB), { recursive: true, force: true });
  const conn = openDb(E2E_DB);
  try {
    const outcomes = await importBundledData(sqliteStore(conn), bundledFolders(), {
      argv: ["e2e/build-db.ts"],
      onFolder: (o) => console.log(`e2e: ${o.folder.path}: ${describeOutcome(o)}`),
    });
    const failed = outcomes.flatMap((o) => o.failed);
    if (failed.length > 0) throw new Error(`e2e: ${failed.map((f) => `${f.file}: ${f.error}`).join("; ")}`);
    // Uploads are on, as an operator turns them on; the token is printed once, here into a file.
    writeFileSync(E2E_UPLOAD_TOKEN_FILE, await createUploadToken(conn.db, "e2e-upload", null), { mode: 0o600 });
  } finally {
    conn.close();
  }
  // Real ping outputs under labels that are HTML and script, for e2e/hostile.spec.ts.
  const ingest = (...args: string[]) =>
    execFileSync("npx", ["tsx", "scripts/ingest.ts", "--db", E2E_DB, ...args], { stdio: "inherit" });
  const labels = ["--dataset", HOSTILE.dataset, "--host", HOSTILE.host];
  ingest(...labels, "--runtime", "runc", HOSTILE_FILES.runc);
  ingest(...labels, "--runtime", HOSTILE.runtime, HOSTILE_FILES.hostile);
}

await buildDb();
