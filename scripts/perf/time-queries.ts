/**
 * Where GET /api/overhead spends its database time: runs the route's own data function
 * (db/queries/explore.ts getExploreData) for one permalink, records every SQL statement it
 * executes, then times each one alone and prints its query plan's full scans. Run by
 * bench:perf as a child process under the `react-server` export condition, because the
 * query modules import `server-only`:
 *   node --conditions react-server --import tsx scripts/perf/time-queries.ts --db FILE --query 'dataset=…&host=…'
 */
import { parseArgs } from "node:util";
import type Database from "better-sqlite3";
import { getExploreData } from "@/db/queries/explore";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { getHostSummary, listDatasetHosts } from "@/db/queries/series";
import { openDb } from "@/db/open";
import * as schema from "@/db/schema";
import { median } from "@/scripts/perf/percentile";
import { toOverheadRows, toSeriesStats } from "@/lib/overhead/rows";
import { loadFilters } from "@/lib/search-params";

const { values } = parseArgs({
  options: { db: { type: "string" }, query: { type: "string" }, runs: { type: "string", default: "3" } },
});
if (!values.db || values.query === undefined) throw new Error("--db FILE and --query PARAMS are required");
const runs = Number(values.runs);
// Time the computation, not the read cache (db/queries/read-cache.ts).
process.env.HVSCOPE_READ_CACHE = "off";

const conn = openDb(values.db);
const recorded: { sql: string; params: unknown[] }[] = [];
let recording = false;
// Record what drizzle prepares and binds: its better-sqlite3 session calls all/get/run/values on the statement.
const prepare = conn.client.prepare.bind(conn.client);
conn.client.prepare = ((sql: string) => {
  const stmt = prepare(sql);
  for (const method of ["all", "get", "run", "iterate"] as const) {
    const original = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
    Object.defineProperty(stmt, method, {
      value: (...args: unknown[]) => {
        if (recording) recorded.push({ sql, params: args });
        return original(...args);
      },
    });
  }
  return stmt;
}) as Database.Database["prepare"];

function label(sql: string): string {
  if (/from "import_samples".*group by/is.test(sql)) return "listDatasets (samples per dataset)";
  if (/^select distinct/i.test(sql)) return "listDatasetHosts";
  if (/from "series"/.test(sql)) return "getHostSummary's query (the host's series, statistics as of asof)";
  return sql.slice(0, 60);
}

const params = new URLSearchParams(values.query);
const raw = Object.fromEntries(params.entries());
const timeIt = (fn: () => unknown) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

recording = true;
const firstCall = performance.now();
const { selection } = await getExploreData(conn.db, loadFilters(params), raw);
const firstMs = performance.now() - firstCall;
recording = false;
if (!selection) throw new Error(`no data for ${values.query}`);
const totals: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await getExploreData(conn.db, loadFilters(params), raw);
  totals.push(performance.now() - t);
}
console.log(
  `getExploreData: ${firstMs.toFixed(1)} ms the first time (reads the host's summary), then ${median(totals).toFixed(1)} ms (the view from the kept summary, median of ${runs})`,
);
for (const { sql, params: args } of recorded) {
  const stmt = conn.client.prepare(sql);
  let rows = 0;
  const times = Array.from({ length: runs }, () =>
    timeIt(() => (rows = (stmt.reader ? stmt.all(...args) : []).length)),
  );
  const plan = conn.client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
  const scans = plan.map((p) => p.detail).filter((d) => /^SCAN|TEMP B-TREE/.test(d));
  console.log(
    `  ${median(times).toFixed(1).padStart(6)} ms  ${String(rows).padStart(6)} rows  ${label(sql)}${scans.length ? `  [${scans.join("; ")}]` : ""}`,
  );
}
const hosts = await listDatasetHosts(conn.db, selection.dataset, selection.asof);
// A fresh drizzle handle each time has an empty read cache: the summary is read again.
const fresh = () => drizzle(conn.client, { schema });
let host = await getHostSummary(fresh(), selection.dataset, selection.host, selection.asof);
const readTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  host = await getHostSummary(fresh(), selection.dataset, selection.host, selection.asof);
  readTimes.push(performance.now() - t);
}
const viewTimes = Array.from({ length: runs }, () =>
  timeIt(() => toOverheadRows(host.select(selection).map(toSeriesStats), selection.baseline)),
);
console.log(
  `  ${median(readTimes).toFixed(1).padStart(6)} ms  ${String(host.size).padStart(6)} rows  getHostSummary through drizzle (query, naming, summary; once per import and host; ${hosts.length} hosts)`,
);
console.log(
  `  ${median(viewTimes).toFixed(1).padStart(6)} ms              a view from the summary in JS, nothing shared (select, toSeriesStats, toOverheadRows)`,
);
conn.close();
