/**
 * The dashboard keeps answering while a large import writes to the same database file: starts
 * `next start` on a loopback port against a temp database, imports a generated corpus of real
 * fixture copies with the ingest CLI, and requests /api/overhead, /explore and /api/imports
 * meanwhile. Every answer must be a 200: no SQLITE_BUSY may reach a user (db/open.ts: WAL, busy_timeout).
 *   npm run test:concurrency -- [--files 10000] [--workers 8] [--build]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { importPaths } from "@/db/ingest/import-paths";
import { openDb } from "@/db/open";
import { writeLoadCorpus } from "./reliability/test-corpora";
import { hammer, quantile } from "./reliability/hammer";
import { ensureBuild, freePort, startServer } from "./reliability/server";

const { values } = parseArgs({
  options: {
    files: { type: "string", default: "10000" },
    workers: { type: "string", default: "8" },
    build: { type: "boolean", default: false },
  },
});
const files = Number(values.files);
const workers = Number(values.workers);
if (!(files > 0 && workers > 0)) throw new Error("--files and --workers must be positive numbers");

ensureBuild({ rebuild: values.build, log: (line) => console.log(`concurrency: ${line}`) });
const dir = mkdtempSync(join(tmpdir(), "hvscope-concurrency-"));
const db = join(dir, "hvscope.db");
let stopServer = async () => {};
try {
  // Data for the views to show before the big import starts.
  writeLoadCorpus(join(dir, "seed"), 300, "seed");
  const conn = openDb(db);
  await importPaths(conn, [join(dir, "seed")]);
  conn.close();
  const written = writeLoadCorpus(join(dir, "big"), files, "big");

  const server = await startServer(db, await freePort());
  stopServer = server.stop;
  const paths = [
    "/api/overhead?dataset=seed-0&host=host-0&baseline=runc",
    "/explore?dataset=seed-0&host=host-0&baseline=runc",
    "/api/overhead?dataset=seed-1&host=host-1&runtime=runsc-ptrace&workload=ping&baseline=runc",
    "/api/imports",
  ];
  const started = performance.now();
  const ingest = spawn(
    resolve("node_modules/.bin/tsx"),
    ["scripts/ingest.ts", "--db", db, "--json", join(dir, "big")],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  ingest.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const ingested = new Promise<number | null>((done) => ingest.on("exit", done));
  const stats = await hammer(server.url, paths, workers, ingested);
  const code = await ingested;
  const seconds = (performance.now() - started) / 1000;
  const busy = server
    .log()
    .split("\n")
    .filter((l) => /SQLITE_BUSY|database is locked/i.test(l));

  console.log(`concurrency: ingest of ${written} files exited ${code} after ${seconds.toFixed(1)} s: ${out.trim()}`);
  for (const [path, ms] of stats.byPath)
    console.log(
      `  ${ms.length} × ${path}: p50 ${quantile(ms, 0.5).toFixed(0)} ms, p99 ${quantile(ms, 0.99).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`,
    );
  console.log(
    `concurrency: ${stats.requests} requests by ${workers} clients during the import, ${stats.errors.length} errors, ${busy.length} SQLITE_BUSY lines in the server log`,
  );
  for (const e of [...stats.errors.slice(0, 10), ...busy.slice(0, 10)]) console.error(`  ${e}`);
  if (code !== 0 || stats.errors.length > 0 || busy.length > 0) process.exitCode = 1;
} finally {
  await stopServer();
  rmSync(dir, { recursive: true, force: true });
}
