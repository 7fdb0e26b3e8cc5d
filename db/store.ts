import { importPathsPg } from "./ingest/pg/import-paths";
import { importPaths } from "./ingest/import-paths";
import type { ImportOptions, ImportSummary } from "./ingest/import-types";
import { openDb, type Db, type OpenDb } from "./open";
import { openPgDb, type OpenPgDb } from "./open-pg";
import { listTidyRows, type TidyFilter, type TidyRow } from "./queries/tidy-rows";
import type { DbTarget } from "./target";

/**
 * What the CLIs do with a database, on either engine: SQLite (one file, the default) or
 * PostgreSQL (a team server; docs/decisions/017-postgresql-store.md). The app reads SQLite only
 * for now (README, "Team server").
 */
export interface Store {
  readonly kind: DbTarget["kind"];
  /** The file, or the URL without its password. */
  readonly label: string;
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
    importPaths: (paths, options) => importPaths(conn, paths, options),
    listTidyRows: (filter) => listTidyRows(conn.db, filter),
    close: async () => conn.close(),
  };
}

export function pgStore(conn: OpenPgDb): Store {
  // The read queries are typed against the SQLite schema but only await query builders, which
  // PostgreSQL's drizzle runs the same way over the twin schema's identical names (docs/decisions/001).
  const db = conn.db as unknown as Db;
  return {
    kind: "postgres",
    label: conn.label,
    importPaths: (paths, options) => importPathsPg(conn, paths, options),
    listTidyRows: (filter) => listTidyRows(db, filter),
    close: () => conn.close(),
  };
}
