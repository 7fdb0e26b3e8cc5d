/**
 * The dashboard keeps answering while a large import writes to the same database: starts
 * `next start` on a loopback port against a temp database, imports a generated corpus of real
 * fixture copies with the ingest CLI, and requests /api/overhead, /explore and /api/imports
 * meanwhile. Every answer must be a 200: no SQLITE_BUSY may reach a user (db/open.ts: WAL, busy_timeout),
 * nor a PostgreSQL lock error.
 *   npm run test:concurrency -- [--files 10000] [--workers 8] [--build] [--db postgres://…]
 * With --db or DATABASE_URL naming a PostgreSQL server, the database is a throwaway one created
 * there and dropped at the end (the role needs CREATEDB); otherwise a temp SQLite file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openStore } from "@/db/store";
import { envFor } from "@/scripts/perf/bench-db";
import { writeLoadCorpus } from "./reliability/test-corpora";
import { onInterrupt, reliabilityServer, rethrowUnlessInterrupted, throwawayDatabases } from "./reliability/databases";
import { hammer, LOCK_ERROR, quantile } from "./reliability/hammer";
import { ensureBuild, freePort, startServer, stopServers } from "./reliability/server";

const { values } = parseArgs({
  options: {
    files: { type: "string", default: "10000" },
    workers: { type: "string", default: "8" },
    build: { type: "boolean", default: false },
    db: { type: "string" },
  },
});
const files = Number(values.files);
const workers = Number(values.workers);
if (!(files > 0 && workers > 0)) throw new Error("--files and --workers must be positive numbers");

const server = reliabilityServer(values.db);
ensureBuild({ rebuild: values.build, log: (line) => console.log(`concurrency: ${line}`) });
const dir = mkdtempSync(join(tmpdir(), "hvscope-concurrency-"));
const databases = throwawayDatabases(server, dir, "concurrency");
let stopServer = async () => {};
let ingest: ChildProcess | undefined;
onInterrupt(async () => {
  ingest?.kill("SIGKILL");
  await stopServers();
  await databases.dropAll();
  rmSync(dir, { recursive: true, force: true });
});
try {
  const db = await databases.fresh("hvscope");
  console.log(`concurrency: in ${databases.where}`);
  // Data for the views to show before the big import starts.
  writeLoadCorpus(join(dir, "seed"), 300, "seed");
  const store = await openStore(db);
  try {
    await store.importPaths([join(dir, "seed")]);
  } finally {
    await store.close();
  }
  const written = writeLoadCorpus(join(dir, "big"), files, "big");

  const app = await startServer(db, await freePort());
  stopServer = app.stop;
  const paths = [
    "/api/overhead?dataset=seed-0&host=host-0&baseline=runc",
    "/explore?dataset=seed-0&host=host-0&baseline=runc",
    "/api/overhead?dataset=seed-1&host=host-1&runtime=runsc-ptrace&workload=ping&baseline=runc",
    "/api/imports",
  ];
  const started = performance.now();
  // node with tsx, so that killing this pid stops the importer; the database goes in the
  // environment, where ps does not show a URL's password.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--json", join(dir, "big")], {
    env: envFor(db),
    stdio: ["ignore", "pipe", "inherit"],
  });
  ingest = child;
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const ingested = new Promise<number | null>((done) => child.on("exit", done));
  const stats = await hammer(app.url, paths, workers, ingested);
  const code = await ingested;
  const seconds = (performance.now() - started) / 1000;
  const busy = app
    .log()
    .split("\n")
    .filter((l) => LOCK_ERROR.test(l));

  console.log(`concurrency: ingest of ${written} files exited ${code} after ${seconds.toFixed(1)} s: ${out.trim()}`);
  for (const [path, ms] of stats.byPath)
    console.log(
      `  ${ms.length} × ${path}: p50 ${quantile(ms, 0.5).toFixed(0)} ms, p99 ${quantile(ms, 0.99).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`,
    );
  console.log(
    `concurrency: ${stats.requests} requests by ${workers} clients during the import, ${stats.errors.length} errors, ${busy.length} ${db.kind === "sqlite" ? "SQLITE_BUSY" : "lock error"} lines in the server log`,
  );
  for (const e of [...stats.errors.slice(0, 10), ...busy.slice(0, 10)]) console.error(`  ${e}`);
  if (code !== 0 || stats.errors.length > 0 || busy.length > 0) process.exitCode = 1;
} catch (e) {
  rethrowUnlessInterrupted(e);
} finally {
  await stopServer();
  await databases.dropAll();
  rmSync(dir, { recursive: true, force: true });
}
