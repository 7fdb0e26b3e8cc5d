import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

// Resolved from the working directory (npm scripts, next and vitest all run at the repo root)
// because bundled server code has no reliable module path; a fixed sub-folder, so that the
// server build traces the migrations only, not the whole project.
export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");

export type Db = ReturnType<typeof drizzle<typeof schema>>;

export interface OpenDb {
  db: Db;
  client: Database.Database;
  close(): void;
}

/**
 * Opens (creating if needed) the SQLite database and applies pending migrations. Plain
 * module, no `server-only`, so the CLI and tests use it too.
 */
export function openDb(path: string, { readonly = false } = {}): OpenDb {
  if (path !== ":memory:" && !readonly) mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path, { readonly, fileMustExist: readonly });
  // WAL lets the dashboard read while an import writes; busy_timeout absorbs the brief
  // writer lock instead of surfacing SQLITE_BUSY.
  if (!readonly) client.pragma("journal_mode = WAL");
  // In WAL mode NORMAL still never corrupts the database and keeps every committed import
  // across a process crash; only a power loss may drop the last commits. It saves an fsync
  // per file transaction, which dominates ingest time.
  client.pragma("synchronous = NORMAL");
  client.pragma("busy_timeout = 5000");
  client.pragma("foreign_keys = ON");
  const db = drizzle(client, { schema });
  if (!readonly) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, client, close: () => client.close() };
}
