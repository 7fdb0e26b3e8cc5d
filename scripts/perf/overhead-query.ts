/**
 * The floor for GET /api/overhead: the same series query as db/queries/series.ts and the same
 * summary functions, without the framework, the ORM, the facet queries or any cache.
 * bench:perf compares the real route against it.
 */
import type Database from "better-sqlite3";
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
 * The series of the permalink's dataset and host with their statistics as of `asof` (the query
 * of db/queries/series.ts getHostSummary, written out: workloads and metrics by id, named from
 * their own tables); runtime, workload and metric filters apply in JS, as in db/queries/explore.ts.
 */
export const SERIES_SQL = `SELECT se.id AS id, se.runtime_id AS runtime, se.runtime_version AS version, se.runtime_variant AS variant,
    se.workload_id AS workloadId, se.metric_id AS metricId,
    st.n AS n, st.mean AS mean, st.m2 AS m2, st.log_n AS logN, st.log_mean AS logMean, st.log_m2 AS logM2
  FROM series se
  JOIN datasets d ON se.dataset_id = d.id
  JOIN hosts h ON se.host_id = h.id
  JOIN series_stats st ON st.series_id = se.id
    AND st.import_id = (SELECT max(x.import_id) FROM series_stats x WHERE x.series_id = se.id AND x.import_id <= ?)
  WHERE d.name = ? AND h.name = ?`;

type Named<T> = Map<number, T>;

/** The floor's statements, prepared once. */
export function prepareOverheadQuery(client: Database.Database) {
  return {
    series: client.prepare(SERIES_SQL),
    workloads: client.prepare("SELECT id, name, category, tool FROM workloads"),
    metrics: client.prepare("SELECT id, name, unit, direction FROM metrics"),
  };
}

/** Runs the floor's queries (no cache, as with HVSCOPE_READ_CACHE=off) and builds the API's response body. */
export function overheadResponse(statements: ReturnType<typeof prepareOverheadQuery>, q: OverheadQuery) {
  const rows = statements.series.all(q.asof ?? Number.MAX_SAFE_INTEGER, q.dataset, q.host) as HostSeriesRow[];
  const byId = <T extends { id: number }>(list: T[]): Named<T> => new Map(list.map((r) => [r.id, r]));
  const workloads = byId(statements.workloads.all() as { id: number; name: string; category: string; tool: string }[]);
  const metrics = byId(
    statements.metrics.all() as { id: number; name: string; unit: string; direction: SeriesIdentity["direction"] }[],
  );
  const identified = nameHostSeries(rows, workloads, metrics);
  const series = keepPrimaryMetrics(identified.filter(inSelection(q)), q.metric).map(toSeriesStats);
  return overheadBody(q, toOverheadRows(series, q.baseline).rows);
}
