import { existsSync } from "node:fs";
import { Command } from "commander";
import { copySqliteToPg } from "@/db/copy";
import { describeError } from "@/db/errors";
import { openDb, type Db } from "@/db/open";
import { openPgDb, type OpenPgDb } from "@/db/open-pg";
import { listTidyRows, TIDY_COLUMNS } from "@/db/queries/tidy-rows";
import { resolveTarget } from "@/db/target";
import { toCsv } from "@/lib/csv";

const program = new Command("db:copy")
  .description(
    "Copy a SQLite database (raw files included, ids kept) into an empty PostgreSQL database, " +
      "in one transaction, committed only if both export the same bytes.",
  )
  .requiredOption("--from <file>", "SQLite file, e.g. data/hvscope.db")
  .requiredOption("--to <url>", "postgres:// URL of an empty (or only migrated) database")
  .parse();
const opts = program.opts<{ from: string; to: string }>();

async function main(): Promise<number> {
  const from = resolveTarget(opts.from);
  const to = resolveTarget(opts.to);
  if (from.kind !== "sqlite" || !existsSync(from.path)) {
    console.error(`db:copy: --from ${from.label}: expected an existing SQLite file`);
    return 1;
  }
  if (to.kind !== "postgres") {
    console.error(`db:copy: --to ${to.label}: expected a postgres:// or postgresql:// URL`);
    return 1;
  }
  const started = performance.now();
  const source = openDb(from.path);
  let target: OpenPgDb | undefined;
  try {
    target = await openPgDb(to.url);
    const expected = toCsv(TIDY_COLUMNS, await listTidyRows(source.db));
    const copied = await copySqliteToPg(source, target, {
      onTable: ({ table, rows }) => console.log(`  ${table}: ${rows.toLocaleString("en-US")} rows`),
      // Inside the copy's transaction: a difference rolls it back. Only text and number columns are
      // read, which the SQLite-typed query maps alike on both engines (db/store.ts).
      verify: async (db) => {
        const exported = toCsv(TIDY_COLUMNS, await listTidyRows(db as unknown as Db));
        if (exported !== expected)
          throw new Error("the copy exports differently from the source; rolled back, nothing was kept");
      },
    });
    const rows = copied.reduce((n, t) => n + t.rows, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `copied ${from.label} to ${to.label}: ${rows.toLocaleString("en-US")} rows in ${copied.length} tables, ` +
        `export identical (${expected.length.toLocaleString("en-US")} bytes), in ${seconds} s`,
    );
    return 0;
  } catch (e) {
    console.error(`db:copy from ${from.label} to ${to.label} failed: ${describeError(e)}`);
    return 1;
  } finally {
    source.close();
    await target?.close();
  }
}

process.exitCode = await main();
