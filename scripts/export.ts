import { Command, Option } from "commander";
import { TIDY_COLUMNS } from "@/db/queries/tidy-rows";
import { openStore } from "@/db/store";
import { describeError } from "@/db/errors";
import { resolveTarget } from "@/db/target";
import { toCsv } from "@/lib/csv";

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(",").filter(Boolean)];

const program = new Command("export")
  .description(`Print every stored sample as tidy rows: ${TIDY_COLUMNS.join(",")}`)
  .option(
    "--db <file|url>",
    "SQLite file or postgres:// URL (default: $DATABASE_URL, else $HVSCOPE_DB or data/hvscope.db)",
  )
  .addOption(new Option("--format <format>", "output format").choices(["csv", "json"]).default("csv"))
  .option("--dataset <name>", "only this dataset (repeatable, or comma-separated)", collect)
  .option("--runtime <id>", "only this runtime id (repeatable, or comma-separated)", collect)
  .parse();

const opts = program.opts<{ db?: string; format: "csv" | "json"; dataset?: string[]; runtime?: string[] }>();
let label = opts.db ?? "the database";
try {
  const target = resolveTarget(opts.db);
  label = target.label;
  const store = await openStore(target, { readonly: true });
  try {
    const rows = await store.listTidyRows({ datasets: opts.dataset, runtimes: opts.runtime });
    process.stdout.write(opts.format === "json" ? `${JSON.stringify(rows)}\n` : toCsv(TIDY_COLUMNS, rows));
  } finally {
    await store.close();
  }
} catch (e) {
  console.error(`export from ${label} failed: ${describeError(e)}`);
  process.exitCode = 1;
}
