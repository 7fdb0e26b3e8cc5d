import { Command, Option } from "commander";
import { openDb } from "@/db/open";
import { listTidyRows, TIDY_COLUMNS } from "@/db/queries/tidy-rows";
import { toCsv } from "@/lib/csv";
import { readEnv } from "@/lib/env";

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(",").filter(Boolean)];

const program = new Command("export")
  .description(`Print every stored sample as tidy rows: ${TIDY_COLUMNS.join(",")}`)
  .option("--db <file>", "SQLite database (default: $HVSCOPE_DB or data/hvscope.db)")
  .addOption(new Option("--format <format>", "output format").choices(["csv", "json"]).default("csv"))
  .option("--dataset <name>", "only this dataset (repeatable, or comma-separated)", collect)
  .option("--runtime <id>", "only this runtime id (repeatable, or comma-separated)", collect)
  .parse();

const opts = program.opts<{ db?: string; format: "csv" | "json"; dataset?: string[]; runtime?: string[] }>();
const path = opts.db ?? readEnv().HVSCOPE_DB;
try {
  const conn = openDb(path, { readonly: true });
  const rows = await listTidyRows(conn.db, { datasets: opts.dataset, runtimes: opts.runtime });
  conn.close();
  process.stdout.write(opts.format === "json" ? `${JSON.stringify(rows)}\n` : toCsv(TIDY_COLUMNS, rows));
} catch (e) {
  console.error(`export from ${path} failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
