import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { finished } from "@/test/ingest-process";
import { PG_TEST_URL, warnIfNoPg } from "@/test/pg-test-db";
import { writeCrashCorpus } from "./reliability/test-corpora";
import { crashTest } from "./reliability/crash";
import { pgScratch, sqliteFiles, type ThrowawayDatabases } from "./reliability/databases";

warnIfNoPg("scripts/crash-test.test.ts (its PostgreSQL half)");

/** A small `npm run test:crash`: a few SIGKILLs of the real ingest CLI, so CI covers crash safety. */
async function smallCrashTest(files: number, databases: (dir: string) => ThrowawayDatabases) {
  const dir = mkdtempSync(join(tmpdir(), "hvscope-crash-test-"));
  const dbs = databases(dir);
  try {
    const corpus = join(dir, "corpus");
    expect(writeCrashCorpus(corpus, files)).toBe(files);
    // Progress in the test's output: a stuck run shows where it stopped.
    const log = (line: string) => console.log(`${dbs.engine}: ${line}`);
    const report = await crashTest({ corpus, databases: dbs, workDir: dir, kills: 3, seed: 7, log });
    console.log(
      `crash test on ${report.engine}: ${report.kills} kills, ${report.killsWhileWriting} after files had been stored, ${report.checks} checks, ${report.exportRows} export rows`,
    );
    expect(report.problems).toEqual([]);
    expect(report.kills).toBe(3);
    // Every kill is followed by a check, and each round by a run to completion.
    expect(report.checks).toBeGreaterThanOrEqual(report.kills + report.rounds);
    expect(report.referenceFiles).toBe(files);
    expect(report.exportRows).toBe(report.referenceSamples);
    return report;
  } finally {
    await dbs.dropAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Databases on the test server whose names start with `prefix`. */
async function databasesNamed(prefix: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname",
      [prefix],
    );
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

describe("crash safety of ingest", () => {
  it("leaves a sound database after each SIGKILL and finishes with the uninterrupted export", async () => {
    const report = await smallCrashTest(500, sqliteFiles);
    expect(report.engine).toBe("sqlite");
  }, 180_000);
});

describe.skipIf(!PG_TEST_URL)("crash safety of ingest into PostgreSQL (npm run test:crash with DATABASE_URL)", () => {
  it("leaves whole files only after each SIGKILL, finishes with the uninterrupted export, and drops its databases", async () => {
    const prefix = `hvscope_test_crash_${process.pid}`;
    const report = await smallCrashTest(300, () => pgScratch(PG_TEST_URL!, prefix));
    expect(report.engine).toBe("postgres");
    expect(await databasesNamed(prefix)).toEqual([]);
  }, 180_000);

  it("drops its throwaway databases when interrupted with Ctrl-C (SIGINT)", async () => {
    // node with tsx, so that this pid is the script's own and names its databases (hvscope_crash_<pid>_*).
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/crash-test.ts", "--files", "300", "--kills", "50", "--seed", "1"],
      { env: { ...process.env, DATABASE_URL: PG_TEST_URL }, stdio: ["ignore", "pipe", "pipe"] },
    );
    const done = finished(child);
    const prefix = `hvscope_crash_${child.pid}_`;
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    // The first kill comes after the reference import: both the reference and a crashed database exist then.
    for (let waited = 0; !/kill 1 after/.test(output) && waited < 120_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    expect(await databasesNamed(prefix)).toEqual([`${prefix}crashed`, `${prefix}reference`]);
    child.kill("SIGINT");
    const { code, stderr } = await done;
    expect(stderr).toContain("interrupted: stopping and dropping the throwaway databases");
    expect(code).toBe(130);
    expect(await databasesNamed(prefix)).toEqual([]);
  }, 180_000);
});
