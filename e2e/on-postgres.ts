import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

/**
 * Specs left out of the PostgreSQL run: they check markup, layout and keyboard behaviour, which
 * the engine cannot change once the data is the same (db/queries/same-on-both-engines.test.ts), and
 * they took 3.8 of its 8.8 minutes (docs/performance.md). Every other spec, new ones included, runs.
 */
const UI_ONLY = new Set(["a11y.spec.ts", "responsive.spec.ts", "keyboard.spec.ts"]);

/**
 * `npm run test:e2e:pg`: the Playwright suite again, with the app on a PostgreSQL database built
 * from the same files (e2e/build-db.ts), on the server HVSCOPE_TEST_PG_URL names. Without one it
 * says so and passes, like the PostgreSQL unit tests; `.ci/run` starts one. Arguments go to
 * Playwright instead of the default spec list.
 */
if (!process.env.HVSCOPE_TEST_PG_URL) {
  console.warn("test:e2e:pg: skipped, HVSCOPE_TEST_PG_URL is not set (a PostgreSQL server; .ci/run starts one)");
} else {
  const asked = process.argv.slice(2);
  const specs = readdirSync("e2e")
    .filter((f) => f.endsWith(".spec.ts") && !UI_ONLY.has(f))
    .sort()
    .map((f) => `e2e/${f}`);
  const started = performance.now();
  const run = spawnSync("npx", ["playwright", "test", ...(asked.length > 0 ? asked : specs)], {
    stdio: "inherit",
    env: { ...process.env, HVSCOPE_E2E_ENGINE: "postgres" },
  });
  console.log(`test:e2e:pg: the suite on PostgreSQL took ${((performance.now() - started) / 1000).toFixed(0)} s`);
  process.exitCode = run.status ?? 1;
}
