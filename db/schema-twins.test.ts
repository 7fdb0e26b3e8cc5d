import { is } from "drizzle-orm";
import { getTableConfig as pgConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteTable, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as sqlite from "./schema";
import * as pg from "./schema.pg";

/** SQLite column types and the PostgreSQL types that store the same TypeScript values. */
const PG_TYPE_OF: Record<string, string> = {
  SQLiteInteger: "integer",
  SQLiteReal: "double precision",
  SQLiteText: "text",
  SQLiteTimestamp: "timestamp with time zone",
  SQLiteBoolean: "boolean",
  SQLiteBlobBuffer: "bytea",
};

type Config = {
  name: string;
  columns: (SQLiteColumn | PgColumn)[];
  indexes: { config: { name?: string; unique: boolean; columns: unknown[] } }[];
  foreignKeys: { reference(): { columns: { name: string }[]; foreignColumns: { name: string; table: object }[] } }[];
  primaryKeys: { columns: { name: string }[] }[];
  uniqueConstraints: { name?: string; columns: { name: string }[] }[];
};

/** What must match between the twins, with each SQLite type written as its PostgreSQL counterpart. */
function describeTable(config: Config, typeOf: (c: SQLiteColumn | PgColumn) => string) {
  const names = (cs: unknown[]) => cs.map((c) => (c as { name: string }).name).join(",");
  return {
    name: config.name,
    columns: config.columns.map((c) => ({
      name: c.name,
      type: typeOf(c),
      notNull: c.notNull,
      hasDefault: c.hasDefault,
      primary: c.primary,
      unique: c.isUnique,
      enumValues: c.enumValues ?? null,
    })),
    indexes: config.indexes
      .map((i) => `${i.config.name}(${names(i.config.columns)})${i.config.unique ? " unique" : ""}`)
      .sort(),
    foreignKeys: config.foreignKeys
      .map((f) => f.reference())
      .map((r) => `${names(r.columns)} -> ${names(r.foreignColumns)}`)
      .sort(),
    primaryKeys: config.primaryKeys.map((k) => names(k.columns)),
    uniqueConstraints: config.uniqueConstraints.map((u) => names(u.columns)),
  };
}

const sqliteTables = Object.values(sqlite)
  .filter((t) => is(t, SQLiteTable))
  .map((t) => describeTable(sqliteConfig(t) as Config, (c) => PG_TYPE_OF[c.columnType] ?? `unmapped ${c.columnType}`));
const pgTables = Object.values(pg)
  .filter((t) => is(t, PgTable))
  .map((t) => describeTable(pgConfig(t) as Config, (c) => (c as PgColumn).getSQLType()));

describe("db/schema.pg.ts mirrors db/schema.ts", () => {
  it("has the same tables", () => {
    expect(pgTables.map((t) => t.name).sort()).toEqual(sqliteTables.map((t) => t.name).sort());
    expect(sqliteTables.length).toBeGreaterThan(10);
  });

  it.each(sqliteTables.map((t) => [t.name, t] as const))(
    "%s: same columns, types, nullability, defaults, keys, indexes and unique constraints",
    (name, table) => {
      expect(pgTables.find((t) => t.name === name)).toEqual(table);
    },
  );

  it("gives every table the same TypeScript row types", () => {
    // Checked by tsc (npx tsc --noEmit), which type-checks the tests.
    expectTypeOf<typeof pg.imports.$inferSelect>().toEqualTypeOf<typeof sqlite.imports.$inferSelect>();
    expectTypeOf<typeof pg.datasets.$inferSelect>().toEqualTypeOf<typeof sqlite.datasets.$inferSelect>();
    expectTypeOf<typeof pg.hosts.$inferSelect>().toEqualTypeOf<typeof sqlite.hosts.$inferSelect>();
    expectTypeOf<typeof pg.runtimes.$inferSelect>().toEqualTypeOf<typeof sqlite.runtimes.$inferSelect>();
    expectTypeOf<typeof pg.workloads.$inferSelect>().toEqualTypeOf<typeof sqlite.workloads.$inferSelect>();
    expectTypeOf<typeof pg.metrics.$inferSelect>().toEqualTypeOf<typeof sqlite.metrics.$inferSelect>();
    expectTypeOf<typeof pg.sourceFiles.$inferSelect>().toEqualTypeOf<typeof sqlite.sourceFiles.$inferSelect>();
    expectTypeOf<typeof pg.runs.$inferSelect>().toEqualTypeOf<typeof sqlite.runs.$inferSelect>();
    expectTypeOf<typeof pg.series.$inferSelect>().toEqualTypeOf<typeof sqlite.series.$inferSelect>();
    expectTypeOf<typeof pg.seriesStats.$inferSelect>().toEqualTypeOf<typeof sqlite.seriesStats.$inferSelect>();
    expectTypeOf<typeof pg.importSamples.$inferSelect>().toEqualTypeOf<typeof sqlite.importSamples.$inferSelect>();
    expectTypeOf<typeof pg.samples.$inferSelect>().toEqualTypeOf<typeof sqlite.samples.$inferSelect>();
    expectTypeOf<typeof pg.shortLinks.$inferSelect>().toEqualTypeOf<typeof sqlite.shortLinks.$inferSelect>();
    expectTypeOf<typeof pg.uploadTokens.$inferSelect>().toEqualTypeOf<typeof sqlite.uploadTokens.$inferSelect>();
    expectTypeOf<typeof pg.hostStudies.$inferSelect>().toEqualTypeOf<typeof sqlite.hostStudies.$inferSelect>();
  });
});
