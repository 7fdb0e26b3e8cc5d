import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPgDb, type OpenPgDb } from "../db/open-pg";

/**
 * The PostgreSQL server the PostgreSQL tests use: `.ci/run` starts a throwaway cluster and sets
 * HVSCOPE_TEST_PG_URL; without it those tests skip, saying so once per file.
 */
export const PG_TEST_URL = process.env.HVSCOPE_TEST_PG_URL || undefined;

export function warnIfNoPg(file: string): void {
  if (!PG_TEST_URL)
    console.warn(`${file}: skipped, HVSCOPE_TEST_PG_URL is not set (a PostgreSQL server; .ci/run starts one)`);
}

export type PgTestDb = OpenPgDb & { url: string; cleanup(): Promise<void> };

/** A fresh migrated database on the test server. Call `cleanup` in afterEach/afterAll: it drops the database. */
export async function createPgTestDb(): Promise<PgTestDb> {
  const name = `hvscope_test_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(PG_TEST_URL!, name);
  const conn = await openPgDb(url);
  return {
    ...conn,
    url,
    async cleanup() {
      await conn.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Row counts of every data table, to prove that a failure wrote nothing (as test/test-db.ts countRows). */
export async function countPgRows(conn: OpenPgDb): Promise<Record<string, number>> {
  const tables = ["datasets", "hosts", "runtimes", "workloads", "metrics", "source_files", "runs", "samples", "series"];
  const counts: Record<string, number> = {};
  for (const t of [...tables, "series_stats", "import_samples"])
    counts[t] = Number((await conn.pool.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
  return counts;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(fn: (c: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
