import { is } from "drizzle-orm";
import { PgDatabase } from "drizzle-orm/pg-core";
import type { Db } from "./open";
import * as sqliteTables from "./schema";
import * as pgTables from "./schema.pg";

/** The tables queries build on, typed as SQLite's: db/schema.pg.ts has the same names and row types. */
export type Tables = typeof sqliteTables;

const PG_TABLES = pgTables as unknown as Tables;

/**
 * True for a PostgreSQL handle passed where the SQLite-typed `Db` is expected (db/index.ts,
 * db/store.ts): queries take one type and run on both engines (docs/decisions/018-app-on-postgresql.md).
 */
export function isPostgres(db: Db): boolean {
  return is(db, PgDatabase);
}

/**
 * The tables of the handle's engine. Their SQL names are the same, but their columns decode the
 * engine's values (a PostgreSQL timestamptz or boolean is no SQLite integer), so a query must
 * build on the tables of the engine it runs on.
 */
export function tablesOf(db: Db): Tables {
  return isPostgres(db) ? PG_TABLES : sqliteTables;
}

/** The largest id either engine stores: PostgreSQL's `integer` (ids and `asof` columns) refuses anything larger. */
export const MAX_ID = 2_147_483_647;

/**
 * The `asof` bound a query compares import ids with: every import for none (prepared statements
 * take a number, not an optional clause), and a URL's out-of-range value brought within what
 * PostgreSQL compares without an error, which selects the same imports.
 */
export function importsUpTo(asof: number | null | undefined): number {
  return asof == null ? MAX_ID : Math.min(Math.max(asof, 0), MAX_ID);
}
