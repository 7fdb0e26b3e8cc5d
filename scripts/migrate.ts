import { openDb } from "@/db/open";
import { openPgDb } from "@/db/open-pg";
import { describeError } from "@/db/errors";
import { resolveTarget } from "@/db/target";

// A file or postgres:// URL as the argument, else DATABASE_URL, else HVSCOPE_DB.
const started = performance.now();
let label = process.argv[2] ?? "the database";
try {
  const target = resolveTarget(process.argv[2]);
  label = target.label;
  if (target.kind === "postgres") await (await openPgDb(target.url)).close();
  else openDb(target.path).close();
  console.log(`migrated ${label} in ${(performance.now() - started).toFixed(0)} ms`);
} catch (e) {
  console.error(`migration of ${label} failed: ${describeError(e)}`);
  process.exitCode = 1;
}
