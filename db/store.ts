import { importPathsPg } from "./ingest/pg/import-paths";
import { importPaths } from "./ingest/import-paths";
import type { ImportOptions, ImportSummary } from "./ingest/import-types";
import { openDb, type Db, type OpenDb } from "./open";
import { openPgDb, type OpenPgDb } from "./open-pg";
import { listTidyRows, type TidyFilter, type TidyRow } from "./queries/tidy-rows";
import type { DbTarget } from "./target";

/**
 * What the CLIs and uploads do with a database, on either engine: SQLite (one file, the default)
 * or PostgreSQL (a team server; docs/decisions/017-postgresql-store.md).
 */
export interface Store {
  readonly kind: DbTarget["kind"];
  /** The file, or the URL without its password. */
  readonly label: string;
  /** The handle db/queries/* take, on either engine (db/tables.ts). */
  readonly db: Db;
  importPaths(paths: string[], options?: ImportOptions): Promise<ImportSummary>;
  listTidyRows(filter?: TidyFilter): Promise<TidyRow[]>;
  close(): Promise<void>;
}

/** Opens the target, migrating it unless `readonly` (a SQLite file must then exist). */
export async function openStore(target: DbTarget, { readonly = false } = {}): Promise<Store> {
  return target.kind === "postgres"
    ? pgStore(await openPgDb(target.url, { migrations: !readonly }))
    : sqliteStore(openDb(target.path, { readonly }), target.label);
}

export function sqliteStore(conn: OpenDb, label = "SQLite"): Store {
  return {
    kind: "sqlite",
    label,
    db: conn.db,
    importPaths: (paths, options) => importPaths(conn, paths, options),
    listTidyRows: (filter) => listTidyRows(conn.db, filter),
    close: async () => conn.close(),
  };
}

export function pgStore(conn: OpenPgDb): Store {
  const db = asQueryHandle(conn);
  return {
    kind: "postgres",
    label: conn.label,
    db,
    importPaths: (paths, options) => importPathsPg(conn, paths, options),
    listTidyRows: (filter) => listTidyRows(db, filter),
    close: () => conn.close(),
  };
}

/**
 * A PostgreSQL handle as db/queries/* take it: typed as SQLite's, since queries only await query
 * builders, which build on the tables of the handle's engine (db/tables.ts tablesOf).
 */
export function asQueryHandle(conn: OpenPgDb): Db {
  return conn.db as unknown as Db;
}
