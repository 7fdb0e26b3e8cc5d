import { asc, getTableColumns, gt, is, sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { OpenDb } from "./open";
import type { OpenPgDb } from "./open-pg";
import * as sqliteSchema from "./schema";
import * as pgSchema from "./schema.pg";

/** Every table, parents before the tables that reference them. */
const TABLES = [
  "imports",
  "datasets",
  "hosts",
  "runtimes",
  "workloads",
  "metrics",
  "sourceFiles",
  "runs",
  "series",
  "seriesStats",
  "importSamples",
  "samples",
  "shortLinks",
  "uploadTokens",
  "hostStudies",
] as const satisfies readonly (keyof typeof sqliteSchema & keyof typeof pgSchema)[];

/** Rows read and inserted at once: raw files are stored deflated, a few kB each, so memory stays small. */
const BATCH_ROWS = 500;

export type CopiedTable = { table: string; rows: number };

/**
 * Copies every row of a SQLite database, raw files included, into an empty PostgreSQL database,
 * keeping ids (so `asof` in permalinks and short links still mean the same import), in one
 * transaction: a copy that fails leaves the server as it was. `verify` runs inside that
 * transaction before its commit, and a throw from it rolls the copy back.
 */
export async function copySqliteToPg(
  source: OpenDb,
  target: OpenPgDb,
  { verify, onTable }: { verify?: (db: OpenPgDb["db"]) => Promise<void>; onTable?: (t: CopiedTable) => void } = {},
): Promise<CopiedTable[]> {
  const missing = Object.entries(sqliteSchema)
    .filter(([name, t]) => is(t, SQLiteTable) && !(TABLES as readonly string[]).includes(name))
    .map(([name]) => name);
  if (missing.length > 0)
    throw new Error(`db/copy.ts does not copy table(s) ${missing.join(", ")}: add them to TABLES`);
  const client = await target.pool.connect();
  const db = drizzle(client, { schema: pgSchema });
  const copied: CopiedTable[] = [];
  try {
    await client.query("BEGIN");
    for (const name of TABLES) {
      const from = sqliteSchema[name];
      const to = pgSchema[name] as PgTable;
      const [held] = await db.select({ n: sql<number>`count(*)::int` }).from(to);
      if (held!.n > 0) throw new Error(`the target already holds rows in ${name}: copy only into an empty database`);
      let rows = 0;
      for await (const batch of batchesOf(source, from)) {
        await db.insert(to).values(batch);
        rows += batch.length;
      }
      const { name: table, columns } = getTableConfig(to);
      // Kept ids leave the identity sequence behind: the next import would collide with them.
      if (columns.some((c) => c.name === "id" && c.dataType === "number"))
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`,
        );
      copied.push({ table, rows });
      onTable?.(copied.at(-1)!);
    }
    await verify?.(db);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
  return copied;
}

/** A SQLite table's rows in primary-key order, BATCH_ROWS at a time (by id when it has one, else by offset). */
async function* batchesOf(source: OpenDb, table: SQLiteTable) {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const keys = Object.values(columns).filter((c) => c.primary);
  const byId = columns.id?.primary && columns.id.dataType === "number" ? columns.id : null;
  const order: SQL[] = (keys.length > 0 ? keys : Object.values(columns)).map((c) => asc(c));
  let last = 0;
  for (let offset = 0; ; offset += BATCH_ROWS) {
    const query = source.db.select().from(table);
    const batch = await (byId
      ? query.where(gt(byId, last)).orderBy(asc(byId)).limit(BATCH_ROWS)
      : query
          .orderBy(...order)
          .limit(BATCH_ROWS)
          .offset(offset));
    if (batch.length === 0) return;
    if (byId) last = (batch.at(-1) as { id: number }).id;
    yield batch;
  }
}
