/**
 * Where GET /api/overhead spends its database time: runs the route's own data function
 * (db/queries/explore.ts getExploreData) for one permalink, records every SQL statement it
 * executes, then times each one alone and prints its query plan's full scans, on SQLite or
 * PostgreSQL. Run by bench:perf as a child process under the `react-server` export condition,
 * because the query modules import `server-only`; the database is --db, else DATABASE_URL or HVSCOPE_DB:
 *   node --conditions react-server --import tsx scripts/perf/time-queries.ts [--db FILE|postgres://…] --query 'dataset=…&host=…'
 */
import { parseArgs } from "node:util";
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import { getExploreData } from "@/db/queries/explore";
import { watchDataVersion } from "@/db/queries/read-cache";
import { getHostSummary, listDatasetHosts } from "@/db/queries/series";
import { openDb, type Db } from "@/db/open";
import { connectPg } from "@/db/open-pg";
import * as schema from "@/db/schema";
import * as pgSchema from "@/db/schema.pg";
import { resolveTarget, type DbTarget } from "@/db/target";
import { median } from "@/scripts/perf/percentile";
import { pgPlanScans } from "@/scripts/perf/pg-plan";
import { toOverheadRows, toSeriesStats } from "@/lib/overhead/rows";
import { loadFilters } from "@/lib/search-params";

const { values } = parseArgs({
  options: { db: { type: "string" }, query: { type: "string" }, runs: { type: "string", default: "3" } },
});
if (values.query === undefined) throw new Error("--query PARAMS is required");
const runs = Number(values.runs);
// Time the computation, not the read cache (db/queries/read-cache.ts).
process.env.HVSCOPE_READ_CACHE = "off";

/** One engine's way to record the statements a call runs, run one alone, and name its plan's full scans. */
interface Probe {
  db: Db;
  recorded: { sql: string; params: unknown[] }[];
  recording: boolean;
  /** Rows of one statement run alone. */
  runAlone(sql: string, params: unknown[]): Promise<number>;
  scans(sql: string, params: unknown[]): Promise<string[]>;
  /** A handle with an empty read cache: the host summary is read again. */
  fresh(): Db;
  close(): Promise<void>;
}

function sqliteProbe(path: string): Probe {
  const conn = openDb(path);
  const probe: Probe = {
    db: conn.db,
    recorded: [],
    recording: false,
    runAlone: async (sql, params) => {
      const stmt = conn.client.prepare(sql);
      return (stmt.reader ? stmt.all(...params) : []).length;
    },
    scans: async (sql, params) =>
      (conn.client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((p) => p.detail)
        .filter((d) => /^SCAN|TEMP B-TREE/.test(d)),
    fresh: () => drizzle(conn.client, { schema }),
    close: async () => conn.close(),
  };
  // Record what drizzle prepares and binds: its better-sqlite3 session calls all/get/run/values on the statement.
  const prepare = conn.client.prepare.bind(conn.client);
  conn.client.prepare = ((sql: string) => {
    const stmt = prepare(sql);
    for (const method of ["all", "get", "run", "iterate"] as const) {
      const original = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
      Object.defineProperty(stmt, method, {
        value: (...args: unknown[]) => {
          if (probe.recording) probe.recorded.push({ sql, params: args });
          return original(...args);
        },
      });
    }
    return stmt;
  }) as Database.Database["prepare"];
  return probe;
}

function pgProbe(url: string): Probe {
  const conn = connectPg(url);
  // The app's handle, read cache off: its data version never changes while this runs.
  const handle = (): Db => {
    const db = drizzlePg(conn.pool, { schema: pgSchema }) as unknown as Db;
    watchDataVersion(db, () => "fixed");
    return db;
  };
  const probe: Probe = {
    db: handle(),
    recorded: [],
    recording: false,
    runAlone: async (sql, params) => (await conn.pool.query(sql, params)).rowCount ?? 0,
    scans: async (sql, params) =>
      pgPlanScans(
        (await conn.pool.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, params)).rows.map((r) => r["QUERY PLAN"]),
      ),
    fresh: handle,
    close: () => conn.close(),
  };
  // Record what drizzle sends: its node-postgres session calls client.query({ text, … }, params).
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (probe.recording) {
      const [first, second] = args;
      const text = typeof first === "string" ? first : (first as { text: string }).text;
      const params = Array.isArray(second) ? second : ((first as { values?: unknown[] }).values ?? []);
      probe.recorded.push({ sql: text, params });
    }
    return original.apply(this, args);
  };
  return probe;
}

function label(sql: string): string {
  if (/from "import_samples".*group by/is.test(sql)) return "listDatasets (samples per dataset)";
  if (/^select distinct/i.test(sql)) return "listDatasetHosts";
  // Drizzle quotes names; PostgreSQL's lateral form of the query is written by hand (db/queries/host-summary-read.ts).
  if (/from "?series"? s?\b/i.test(sql)) return "getHostSummary's query (the host's series, statistics as of asof)";
  return sql.trim().replace(/\s+/g, " ").slice(0, 60);
}

const target: DbTarget = resolveTarget(values.db);
const probe = target.kind === "postgres" ? pgProbe(target.url) : sqliteProbe(target.path);
const params = new URLSearchParams(values.query);
const raw = Object.fromEntries(params.entries());
const timeIt = async (fn: () => unknown) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};

probe.recording = true;
const firstCall = performance.now();
const { selection } = await getExploreData(probe.db, loadFilters(params), raw);
const firstMs = performance.now() - firstCall;
probe.recording = false;
if (!selection) throw new Error(`no data for ${values.query}`);
const totals: number[] = [];
for (let i = 0; i < runs; i++) totals.push(await timeIt(() => getExploreData(probe.db, loadFilters(params), raw)));
console.log(
  `getExploreData on ${target.kind === "postgres" ? "PostgreSQL" : "SQLite"}: ${firstMs.toFixed(1)} ms the first time (reads the host's summary), then ${median(totals).toFixed(1)} ms (the view from the kept summary, median of ${runs})`,
);
for (const { sql, params: args } of probe.recorded) {
  let rows = 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeIt(async () => (rows = await probe.runAlone(sql, args))));
  const scans = await probe.scans(sql, args);
  console.log(
    `  ${median(times).toFixed(1).padStart(6)} ms  ${String(rows).padStart(6)} rows  ${label(sql)}${scans.length ? `  [${scans.join("; ")}]` : ""}`,
  );
}
const hosts = await listDatasetHosts(probe.db, selection.dataset, selection.asof);
let host = await getHostSummary(probe.fresh(), selection.dataset, selection.host, selection.asof);
const readTimes: number[] = [];
for (let i = 0; i < runs; i++)
  readTimes.push(
    await timeIt(async () => {
      host = await getHostSummary(probe.fresh(), selection.dataset, selection.host, selection.asof);
    }),
  );
const viewTimes: number[] = [];
for (let i = 0; i < runs; i++)
  viewTimes.push(await timeIt(() => toOverheadRows(host.select(selection).map(toSeriesStats), selection.baseline)));
console.log(
  `  ${median(readTimes).toFixed(1).padStart(6)} ms  ${String(host.size).padStart(6)} rows  getHostSummary through drizzle (query, naming, summary; once per import and host; ${hosts.length} hosts)`,
);
console.log(
  `  ${median(viewTimes).toFixed(1).padStart(6)} ms              a view from the summary in JS, nothing shared (select, toSeriesStats, toOverheadRows)`,
);
await probe.close();
