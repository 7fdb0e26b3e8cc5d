import { fillLatestStudies } from "@/db/queries/host-studies";
import { openStore } from "@/db/store";
import { describeError } from "@/db/errors";
import { resolveTarget } from "@/db/target";

// A file or postgres:// URL as the argument, else DATABASE_URL, else HVSCOPE_DB.
const started = performance.now();
let label = process.argv[2] ?? "the database";
try {
  const target = resolveTarget(process.argv[2]);
  label = target.label;
  const store = await openStore(target);
  try {
    console.log(`migrated ${label} in ${(performance.now() - started).toFixed(0)} ms`);
    // Existing databases get the synthesis's stored studies once (docs/decisions/019-bounded-synthesis-inputs.md).
    const filling = performance.now();
    const work = await fillLatestStudies(store.db, null);
    console.log(
      `synthesis studies as of the latest data: ${work.hosts} hosts, ${work.computedHosts} computed, ` +
        `${work.storedRows} rows stored, ${work.prunedRows} older rows deleted, in ${(performance.now() - filling).toFixed(0)} ms`,
    );
  } finally {
    await store.close();
  }
} catch (e) {
  console.error(`migration of ${label} failed: ${describeError(e)}`);
  process.exitCode = 1;
}
