import { readEnv } from "@/lib/env";
import { openDb } from "@/db/open";

const started = performance.now();
const path = process.argv[2] ?? readEnv().HVSCOPE_DB;
try {
  openDb(path).close();
  console.log(`migrated ${path} in ${(performance.now() - started).toFixed(0)} ms`);
} catch (e) {
  console.error(`migration of ${path} failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
