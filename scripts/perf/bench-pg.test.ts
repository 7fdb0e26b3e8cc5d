import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySqliteToPg } from "@/db/copy";
import type { DbTarget } from "@/db/target";
import { sqliteStore } from "@/db/store";
import { detectParser } from "@/lib/parsers";
import { createPgTestDb, PG_TEST_URL, warnIfNoPg, type PgTestDb } from "@/test/pg-test-db";
import { createTestDb } from "@/test/test-db";
import { envFor, openBenchReader, readBenchFacts } from "./bench-db";
import { limitIngestPg } from "./ingest-limit-pg";
import { pgPlanScans } from "./pg-plan";
import { timePg } from "./pg-time";
import { ScratchDatabases } from "./scratch-db";
import { prepareFixtures, runtimesFor, writeHostCorpus } from "./synthetic-corpus";

warnIfNoPg("scripts/perf/bench-pg.test.ts");

/** Starts scripts/perf/min-server.ts on a free port against `target`; resolves with its origin. */
function startMinServer(target: DbTarget, started: ChildProcess[]): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", join("scripts", "perf", "min-server.ts"), "--port", "0"], {
    env: envFor(target),
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  return new Promise((resolve, reject) => {
    let output = "";
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /min-server on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`min-server exited with ${code}: ${output}`)));
  });
}

/** The overhead rows of a body, keys sorted, in the order the server gave them. */
const rowsOf = async (response: Response) => {
  expect(response.status).toBe(200);
  const { rows } = (await response.json()) as { rows: Record<string, unknown>[] };
  return rows.map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))));
};

describe.skipIf(!PG_TEST_URL)("bench:perf on PostgreSQL: the limit loop and the minimal server", () => {
  const sqlite = createTestDb();
  const corpus = mkdtempSync(join(tmpdir(), "hvscope-bench-pg-"));
  const servers: ChildProcess[] = [];
  let pg: PgTestDb;
  let files: string[] = [];

  beforeAll(async () => {
    const { usable } = prepareFixtures(3);
    files = writeHostCorpus({
      dir: join(corpus, "d0"),
      dataset: "synthetic-bench-pg",
      host: "synthetic-host-1",
      runtimes: runtimesFor(0, 3),
      repetitions: 2,
      fixtures: usable,
      seed: 1,
      seen: new Set(),
    });
    const imported = await sqliteStore(sqlite).importPaths([corpus]);
    expect(imported.failed).toEqual([]);
    pg = await createPgTestDb();
    await copySqliteToPg(sqlite, pg);
  }, 180_000);
  afterAll(async () => {
    for (const s of servers) s.kill();
    sqlite.cleanup();
    await pg?.cleanup();
    rmSync(corpus, { recursive: true, force: true });
  });

  it("the limit loop stores every parsed sample in a throwaway database, which is dropped after", async () => {
    const scratch = new ScratchDatabases(PG_TEST_URL!, `hvscope_test_limit_${process.pid}`);
    try {
      const url = await scratch.create("loop");
      const timed = await timePg(() => limitIngestPg(url, files));
      const parsed = files.reduce((n, f) => {
        const raw = readFileSync(f, "utf8");
        return n + detectParser(raw, basename(f))!.parse(raw, { fileName: basename(f) }).samples.length;
      }, 0);
      expect(timed.result).toMatchObject({ files: files.length, samples: parsed });
      expect(timed.pgMs).toBeGreaterThan(0);
      expect(timed.statements.find((s) => s.sql === "COMMIT")?.calls).toBe(files.length);
      const reader = openBenchReader({ kind: "postgres", url, label: "loop" });
      try {
        expect(Number(await reader.one("SELECT count(*) FROM samples"))).toBe(parsed);
        // The plan reader on a real plan: a sort of the whole bare table scans it.
        const plan = await reader.all<{ "QUERY PLAN": string }>("EXPLAIN SELECT * FROM samples ORDER BY value");
        expect(pgPlanScans(plan.map((r) => r["QUERY PLAN"]))).toEqual([
          "Sort",
          "Sort Key: value",
          "Seq Scan on samples",
        ]);
      } finally {
        await reader.close();
      }
    } finally {
      await scratch.dropAll();
    }
    const left = await pg.pool.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `hvscope_test_limit_${process.pid}%`,
    ]);
    expect(left.rows).toEqual([]);
  }, 120_000);

  it("the minimal server answers every view in turn with the SQLite one's rows, in the same order", async () => {
    const sqliteTarget: DbTarget = { kind: "sqlite", path: sqlite.path, label: sqlite.path };
    const pgTarget: DbTarget = { kind: "postgres", url: pg.url, label: "test" };
    const facts = await Promise.all(
      [sqliteTarget, pgTarget].map(async (t) => {
        const reader = openBenchReader(t);
        try {
          return await readBenchFacts(reader);
        } finally {
          await reader.close();
        }
      }),
    );
    // The header's facts agree too (the database sizes are each engine's own).
    const [onSqlite, onPg] = facts.map(({ database: { bytes: _bytes, ...counts }, ...rest }) => ({ counts, ...rest }));
    expect(onPg).toEqual(onSqlite);
    const [fromSqlite, fromPg] = await Promise.all([
      startMinServer(sqliteTarget, servers),
      startMinServer(pgTarget, servers),
    ]);
    expect(onSqlite!.views.length).toBeGreaterThan(3);
    for (const view of [onSqlite!.permalink, ...onSqlite!.views]) {
      const [a, b] = await Promise.all([fromSqlite, fromPg].map((origin) => fetch(`${origin}/api/overhead?${view}`)));
      const rows = await rowsOf(a!);
      expect(rows.length, view).toBeGreaterThan(0);
      expect(await rowsOf(b!), view).toEqual(rows);
    }
    const bad = await fetch(`${fromPg}/api/overhead?dataset=synthetic-bench-pg`);
    expect(bad.status).toBe(400);
  }, 120_000);
});
