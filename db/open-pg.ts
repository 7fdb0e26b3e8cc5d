import { join } from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema.pg";

export const PG_MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations-pg");

/**
 * Connections a CLI process keeps: an import uses one at a time (its files' transactions), and the
 * PostgreSQL default of 100 connections leaves room for many processes (docs/deploy.md).
 */
const POOL_SIZE = 4;

/** Any migration of any hvscope database on the server waits for this session lock. */
const MIGRATION_LOCK = "hvscope migrations";

/** On the pool or on one of its connections (an import's transactions). */
export type PgDb = NodePgDatabase<typeof schema>;

export interface OpenPgDb {
  db: PgDb;
  pool: pg.Pool;
  /** A URL safe to print: the password replaced by `***`. */
  label: string;
  close(): Promise<void>;
}

/** True for the URLs that select PostgreSQL instead of a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

/**
 * Connects to PostgreSQL and applies pending migrations (db/migrations-pg), under an advisory
 * lock so that two processes starting at once do not both create the tables.
 */
export async function openPgDb(url: string, { migrations = true } = {}): Promise<OpenPgDb> {
  const conn = connectPg(url);
  try {
    if (migrations) await migratePg(conn.pool);
  } catch (e) {
    await conn.close();
    throw e;
  }
  return conn;
}

/** A pool that connects on its first query: the server opens it at import and migrates it in instrumentation.ts. */
export function connectPg(url: string, { poolSize = POOL_SIZE } = {}): OpenPgDb {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // Unhandled, an idle connection's error (the database restarted) would end the process, a
  // server included; the pool drops that connection and opens another for the next query.
  pool.on("error", (e) => console.error(`[db] an idle PostgreSQL connection failed: ${e.message}`));
  // A connection lost while checked out (a request's query, an import's transaction) fails that
  // query, which its caller sees; unhandled, the same error emitted on the client would end the process.
  pool.on("connect", (client) => client.on("error", () => {}));
  return { db: drizzle(pool, { schema }), pool, label: redactUrl(url), close: () => pool.end() };
}

/** Applies pending migrations under a session advisory lock, which every hvscope process takes to migrate. */
export async function migratePg(pool: pg.Pool) {
  const client = await pool.connect();
  try {
    // The migrator's own log of applied migrations would otherwise print a NOTICE per run.
    await client.query("SET client_min_messages = warning");
    await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS_FOLDER });
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** `text` with the password of every postgres:// URL in it replaced by `***` (argv stored in imports). */
export function redactUrls(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:@/\s]*:)[^@\s]*@/g, "$1***@");
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparsable URL)";
  }
}
