/**
 * Issue 24's scaling table: bench:perf on each database in turn (each writes its --json result),
 * or results written earlier, tabulated one column per database.
 *   npm run perf:scale -- --db /tmp/scale/100k.db --db /tmp/scale/1m.db [--out DIR] [bench:perf options]
 *   npm run perf:scale -- --json 100k.json --json 1m.json      (tabulate earlier results only)
 * Exits 1 when a bench:perf run missed a target or failed, so the table keeps bench:perf's gate.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseOptions, refuse } from "@/scripts/cli-options";
import { readBenchRecord, type BenchRecord } from "@/scripts/perf/bench-record";
import { scaleTable } from "@/scripts/perf/scale-table";

const ROOT = resolve(import.meta.dirname, "..");
/** bench:perf's options that perf:scale passes on to every run. */
const PASSED_ON = [
  "duration",
  "connections",
  "app-dir",
  "client",
  "port",
  "floor-port",
  "files",
  "sections",
  "upload-files",
] as const;
const USAGE = `npm run perf:scale -- (--db FILE ... [--out DIR] [${PASSED_ON.map((o) => `--${o} V`).join("] [")}] | --json FILE ...)`;

const values = parseOptions("perf:scale", USAGE, {
  db: { type: "string", multiple: true, default: [] },
  json: { type: "string", multiple: true, default: [] },
  out: { type: "string", default: "bench-results/perf-scale" },
  ...Object.fromEntries(PASSED_ON.map((o) => [o, { type: "string" as const }])),
});
if (values.db.length + values.json.length === 0) {
  refuse("perf:scale", USAGE, "give at least one --db or --json");
}

const records: BenchRecord[] = [];
let failed = 0;
try {
  for (const path of values.json) records.push(readBenchRecord(path));
} catch (e) {
  console.error(`perf:scale: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
mkdirSync(values.out, { recursive: true });
for (const db of values.db) {
  const json = join(values.out, `${basename(db).replace(/\.[^.]*$/, "")}.json`);
  const given = values as Record<string, unknown>;
  const passed = PASSED_ON.flatMap((o) => (typeof given[o] === "string" ? [`--${o}`, given[o]] : []));
  console.error(`perf:scale: bench:perf on ${db}, result in ${json}`);
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "scripts", "bench-perf.ts"), "--db", db, "--json", json, ...passed],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (r.status !== 0) failed++;
  try {
    records.push(readBenchRecord(json));
  } catch (e) {
    // bench:perf stopped before its verdict: the table shows the databases it finished.
    console.error(`perf:scale: no result for ${db} (bench:perf exited ${r.status}): ${String(e)}`);
  }
}
if (records.length > 0) console.log(`\nScaling table (issue 24)\n${scaleTable(records)}`);
if (failed > 0 || records.some((r) => r.exitStatus !== 0)) process.exitCode = 1;
