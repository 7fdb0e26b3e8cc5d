import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { finished } from "@/test/ingest-process";
import { PG_TEST_URL, warnIfNoPg } from "@/test/pg-test-db";

// Both scripts serve with `next start`, which needs a build: `npm test` runs this file after it builds
// (npm run test:servers:pg, which sets HVSCOPE_TEST_AFTER_BUILD); the vitest run before the build skips it.
const AFTER_BUILD = process.env.HVSCOPE_TEST_AFTER_BUILD === "1" && existsSync(".next/BUILD_ID");
warnIfNoPg("scripts/concurrency-load-pg.test.ts");
if (PG_TEST_URL && !AFTER_BUILD)
  console.warn("scripts/concurrency-load-pg.test.ts: skipped here; npm run test:servers:pg runs it on a build");

/** Runs `script` on the test server as a user would (DATABASE_URL); its pid names its databases. */
async function runOnPg(script: string, args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: PG_TEST_URL },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const result = await finished(child);
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [`hvscope_${script.replace(/^scripts\/|-test\.ts$/g, "")}_${child.pid}_`],
    );
    return { ...result, leftover: rows.map((r) => r.datname) };
  } finally {
    await client.end();
  }
}

describe.skipIf(!PG_TEST_URL || !AFTER_BUILD)("the server reliability scripts on PostgreSQL (DATABASE_URL)", () => {
  it("test:concurrency: every request during an import into a throwaway database answers 200; the database is dropped", async () => {
    const run = await runOnPg("scripts/concurrency-test.ts", ["--files", "300", "--workers", "2"]);
    console.log(run.stdout);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/concurrency: in throwaway PostgreSQL databases hvscope_concurrency_\d+_\*/);
    expect(run.stdout).toMatch(/ingest of 300 files exited 0 .*"imported":300/);
    expect(run.stdout).toMatch(
      /concurrency: [1-9]\d* requests by 2 clients during the import, 0 errors, 0 lock error lines/,
    );
    expect(run.leftover).toEqual([]);
  }, 180_000);

  it("test:load: the same report on a throwaway database, no errors; the database is dropped", async () => {
    const run = await runOnPg("scripts/load-test.ts", [
      ...["--files", "200", "--duration", "3", "--warmup", "0", "--connections", "2"],
    ]);
    console.log(run.stdout);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/load: database of 200 files, \d+ samples, in throwaway PostgreSQL databases/);
    expect(run.stdout).toMatch(/load: [1-9]\d* requests in 3 s at 2 connections, 0 errors/);
    expect(run.stdout).toMatch(/load: server RSS idle \d+ MiB/);
    expect(run.leftover).toEqual([]);
  }, 180_000);
});
