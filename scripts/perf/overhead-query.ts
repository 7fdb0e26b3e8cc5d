/**
 * The floor for GET /api/overhead: the same series query as db/queries/series.ts and the same
 * summary functions, without the framework, the ORM, the facet queries or any cache.
 * bench:perf compares the real route against it.
 */
import type Database from "better-sqlite3";
import type pg from "pg";
import { HOST_SERIES_PG_SQL } from "@/db/queries/host-summary-read";
import { nameHostSeries, type HostSeriesRow } from "@/db/series-row";
import { overheadBody } from "@/lib/overhead/json-body";
import { keepPrimaryMetrics, toOverheadRows, toSeriesStats, type SeriesIdentity } from "@/lib/overhead/rows";
import { inSelection } from "@/lib/explore/selection";

export interface OverheadQuery {
  dataset: string;
  host: string;
  baseline: string;
  runtimes: string[];
  workloads: string[];
  metric: string | null;
  asof: number | null;
}

const list = (v: string | null) => (v ? v.split(",").filter((s) => s !== "") : []);

/** The permalink parameters this floor understands; dataset and host must be explicit. */
export function parseOverheadQuery(params: URLSearchParams): OverheadQuery {
  const dataset = params.get("dataset");
  const host = params.get("host");
  if (!dataset || !host) throw new Error("dataset and host are required");
  const asof = params.get("asof");
  if (asof !== null && !/^\d+$/.test(asof)) throw new Error(`"asof" must be an import id, got "${asof}"`);
  return {
    dataset,
    host,
    baseline: params.get("baseline") || "runc",
    runtimes: list(params.get("runtime")),
    workloads: list(params.get("workload")),
    metric: params.get("metric") || null,
    asof: asof === null ? null : Number(asof),
  };
}

/**
 * The series of the permalink's dataset and host with their statistics as of `asof` (the SQLite
 * query of db/queries/host-summary-read.ts, written out: workloads and metrics by id, named from
 * their own tables; on PostgreSQL that file's HOST_SERIES_PG_SQL); runtime, workload and metric
 * filters apply in JS, as in db/queries/explore.ts. Ordered by id, as the app's query is.
 */
export const SERIES_SQL = `SELECT se.id AS id, se.runtime_id AS runtime, se.runtime_version AS version, se.runtime_variant AS variant,
    se.workload_id AS "workloadId", se.metric_id AS "metricId",
    st.n AS n, st.mean AS mean, st.m2 AS m2, st.log_n AS "logN", st.log_mean AS "logMean", st.log_m2 AS "logM2"
  FROM series se
  JOIN datasets d ON se.dataset_id = d.id
  JOIN hosts h ON se.host_id = h.id
  JOIN series_stats st ON st.series_id = se.id
    AND st.import_id = (SELECT max(x.import_id) FROM series_stats x WHERE x.series_id = se.id AND x.import_id <= ?)
  WHERE d.name = ? AND h.name = ?
  ORDER BY se.id`;

/** "No asof": later than every import. PostgreSQL's import ids are 4-byte integers, so not MAX_SAFE_INTEGER. */
const MAX_ASOF = 2 ** 31 - 1;

type Named<T> = Map<number, T>;
type WorkloadRow = { id: number; name: string; category: string; tool: string };
type MetricRow = { id: number; name: string; unit: string; direction: SeriesIdentity["direction"] };
const WORKLOADS_SQL = "SELECT id, name, category, tool FROM workloads";
const METRICS_SQL = "SELECT id, name, unit, direction FROM metrics";

/** The floor's three reads, on either engine. */
export interface OverheadReads {
  series(asof: number, dataset: string, host: string): Promise<HostSeriesRow[]>;
  workloads(): Promise<WorkloadRow[]>;
  metrics(): Promise<MetricRow[]>;
}

/** The floor's statements, prepared once. */
export function prepareOverheadQuery(client: Database.Database) {
  return {
    series: client.prepare(SERIES_SQL),
    workloads: client.prepare(WORKLOADS_SQL),
    metrics: client.prepare(METRICS_SQL),
  };
}

export function sqliteOverheadReads(client: Database.Database): OverheadReads {
  const statements = prepareOverheadQuery(client);
  return {
    series: async (asof, dataset, host) => statements.series.all(asof, dataset, host) as HostSeriesRow[],
    workloads: async () => statements.workloads.all() as WorkloadRow[],
    metrics: async () => statements.metrics.all() as MetricRow[],
  };
}

/** The same statements through `pg`, each prepared once per connection (a named query). */
export function pgOverheadReads(pool: pg.Pool): OverheadReads {
  const rows = async <T>(name: string, text: string, values: unknown[] = []) =>
    (await pool.query({ name, text, values })).rows as T[];
  return {
    series: (asof, dataset, host) => rows<HostSeriesRow>("floor-series", HOST_SERIES_PG_SQL, [asof, dataset, host]),
    workloads: () => rows<WorkloadRow>("floor-workloads", WORKLOADS_SQL),
    metrics: () => rows<MetricRow>("floor-metrics", METRICS_SQL),
  };
}

/** Runs the floor's queries (no cache, as with HVSCOPE_READ_CACHE=off) and builds the API's response body. */
export async function overheadResponse(reads: OverheadReads, q: OverheadQuery) {
  const [rows, workloadList, metricList] = await Promise.all([
    reads.series(q.asof ?? MAX_ASOF, q.dataset, q.host),
    reads.workloads(),
    reads.metrics(),
  ]);
  const byId = <T extends { id: number }>(list: T[]): Named<T> => new Map(list.map((r) => [r.id, r]));
  const identified = nameHostSeries(rows, byId(workloadList), byId(metricList));
  const series = keepPrimaryMetrics(identified.filter(inSelection(q)), q.metric).map(toSeriesStats);
  return overheadBody(q, toOverheadRows(series, q.baseline).rows);
}
