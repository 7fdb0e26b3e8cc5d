/**
 * The database bench:perf measures, on either engine: which one its options name, the facts its
 * header prints, and the environment that points a server process at it.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { resolveTarget, type DbTarget } from "@/db/target";
import { readEnv, type Env } from "@/lib/env";
import type { BenchRecord } from "@/scripts/perf/bench-record";
import { viewsInTurn } from "@/scripts/perf/permalinks";

/** perf:gen's default file, used when neither --db nor DATABASE_URL names a database. */
export const DEFAULT_BENCH_DB = "data/perf.db";

/**
 * `--db` (a file or a postgres:// URL), else DATABASE_URL, else data/perf.db: bench:perf measures
 * perf:gen's database, not HVSCOPE_DB's everyday one.
 */
export function resolveBenchTarget(explicit: string | undefined, env: Env = readEnv()): DbTarget {
  return resolveTarget(explicit ?? env.DATABASE_URL ?? DEFAULT_BENCH_DB, env);
}

/**
 * The environment a server or CLI child process gets so that it opens `target` and nothing else:
 * a DATABASE_URL inherited from the shell would otherwise win over HVSCOPE_DB (db/target.ts).
 */
export function envFor(target: DbTarget, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, HVSCOPE_DB: _file, ...rest } = base;
  return target.kind === "postgres" ? { ...rest, DATABASE_URL: target.url } : { ...rest, HVSCOPE_DB: target.path };
}

/** `?` placeholders numbered as PostgreSQL's `$1, $2…` (the SQL here has no `?` inside strings). */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Reads through one portable SQL text on either engine (`?` placeholders). */
export interface BenchReader {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The first column of the first row. */
  one<T>(sql: string, params?: unknown[]): Promise<T>;
  /** The database's size on disk, in bytes. */
  bytes(): Promise<number>;
  close(): Promise<void>;
}

export function openBenchReader(target: DbTarget): BenchReader {
  if (target.kind === "sqlite") {
    const db = new Database(target.path, { readonly: true, fileMustExist: true });
    return {
      all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
      one: async <T>(sql: string, params: unknown[] = []) =>
        db
          .prepare(sql)
          .pluck()
          .get(...params) as T,
      bytes: async () =>
        (db.prepare("PRAGMA page_count").pluck().get() as number) *
        (db.prepare("PRAGMA page_size").pluck().get() as number),
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: target.url });
  const connected = client.connect();
  const all = async <T>(sql: string, params: unknown[] = []) => {
    await connected;
    return (await client.query(toPgPlaceholders(sql), params)).rows as T[];
  };
  const one = async <T>(sql: string, params: unknown[] = []) => {
    const [row] = await all<Record<string, unknown>>(sql, params);
    return (row ? Object.values(row)[0] : undefined) as T;
  };
  return {
    all,
    one,
    // count(*) and pg_database_size are bigint, which pg returns as text.
    bytes: async () => Number(await one<string>("SELECT pg_database_size(current_database())")),
    close: async () => {
      await connected.catch(() => {});
      await client.end();
    },
  };
}

/** readBenchFacts on a reader of its own, closed afterwards. */
export async function benchFacts(target: DbTarget) {
  const reader = openBenchReader(target);
  try {
    return await readBenchFacts(reader);
  } finally {
    await reader.close();
  }
}

/** What bench:perf's header prints and its sections request: the default view's permalink and its in-turn views. */
export async function readBenchFacts(reader: BenchReader) {
  const count = async (sql: string) => Number(await reader.one<number | string>(sql));
  // The default view's dataset (most samples, as db/queries/series.ts listDatasets orders them), its first host.
  const dataset = await reader.one<string>(`SELECT d.name FROM import_samples i JOIN datasets d ON i.dataset_id = d.id
      GROUP BY d.name ORDER BY sum(i.samples) DESC, d.name LIMIT 1`);
  if (dataset === undefined) throw new Error("the database has no imported samples: nothing to measure");
  const host = await reader.one<string>(
    "SELECT h.name FROM runs r JOIN hosts h ON r.host_id = h.id JOIN datasets d ON r.dataset_id = d.id WHERE d.name = ? ORDER BY h.name LIMIT 1",
    [dataset],
  );
  const asof = await count("SELECT max(id) FROM imports");
  const permalink = new URLSearchParams({ dataset, host, baseline: "runc", view: "overhead", asof: String(asof) });
  const database: Omit<BenchRecord["database"], "path" | "engine"> = {
    samples: await count("SELECT count(*) FROM samples"),
    datasets: await count("SELECT count(*) FROM datasets"),
    hosts: await count("SELECT count(*) FROM (SELECT DISTINCT dataset_id, host_id FROM runs) pairs"),
    runs: await count("SELECT count(*) FROM runs"),
    series: await count("SELECT count(*) FROM series"),
    bytes: await reader.bytes(),
  };
  const runtimes = (
    await reader.all<{ runtime_id: string }>(
      "SELECT DISTINCT s.runtime_id FROM series s JOIN datasets d ON s.dataset_id = d.id JOIN hosts h ON s.host_id = h.id WHERE d.name = ? AND h.name = ? ORDER BY s.runtime_id",
      [dataset, host],
    )
  ).map((r) => r.runtime_id);
  return {
    database,
    permalink: permalink.toString(),
    views: viewsInTurn(new URLSearchParams({ dataset, host, view: "overhead", asof: String(asof) }), runtimes),
  };
}
