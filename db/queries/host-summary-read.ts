import { and, asc, eq, lte, max, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "../open";
import { preparedPerDb } from "../prepared";
import type pg from "pg";
import type { PgDb } from "../open-pg";
import { nameHostSeries, type HostSeriesRow } from "../series-row";
import { statsSelection } from "../stats-columns";
import { importsUpTo, isPostgres, tablesOf } from "../tables";
import { summarizeHost, type HostSummary } from "@/lib/overhead/host-summary";
import { cacheUntilDataChanges } from "./read-cache";

// No "server-only": the ingest CLI and db:migrate read host summaries too, to store their
// studies (db/queries/host-studies.ts). The server reads them through getHostSummary (./series.ts).

const p = sql.placeholder;

const statements = preparedPerDb((db) => {
  const { datasets, hosts, metrics, series, seriesStats, workloads } = tablesOf(db);
  const newer = alias(seriesStats, "newer");
  return {
    // Each series' newest statistics row at or before `asof` (rows are cumulative, db/schema.ts).
    // Workloads and metrics by id, named from their (small) tables in JS: a host has thousands of
    // series, and six text columns per row were most of the query's time and garbage.
    hostSeries: db
      .select({
        id: series.id,
        runtime: series.runtimeId,
        version: series.runtimeVersion,
        variant: series.runtimeVariant,
        workloadId: series.workloadId,
        metricId: series.metricId,
        ...statsSelection(seriesStats),
      })
      .from(series)
      .innerJoin(datasets, eq(series.datasetId, datasets.id))
      .innerJoin(hosts, eq(series.hostId, hosts.id))
      .innerJoin(
        seriesStats,
        and(
          eq(seriesStats.seriesId, series.id),
          eq(
            seriesStats.importId,
            db
              .select({ last: max(newer.importId) })
              .from(newer)
              .where(and(eq(newer.seriesId, series.id), lte(newer.importId, p("asof")))),
          ),
        ),
      )
      .where(and(eq(datasets.name, p("dataset")), eq(hosts.name, p("host"))))
      // Rows with equal overhead keep this order, and pooled statistics add up in it: without it each
      // engine's plan chose one (PostgreSQL's hash join at 1M samples did not follow SQLite's order).
      .orderBy(asc(series.id))
      .prepare(),
    workloads: db
      .select({ id: workloads.id, name: workloads.name, category: workloads.category, tool: workloads.tool })
      .from(workloads)
      .prepare(),
    metrics: db
      .select({ id: metrics.id, name: metrics.name, unit: metrics.unit, direction: metrics.direction })
      .from(metrics)
      .prepare(),
  };
});

/** Every workload and metric by id: tens to hundreds of rows. */
export type Dimensions = Awaited<ReturnType<typeof readDimensions>>;

export async function readDimensions(db: Db) {
  const [w, m] = [await statements(db).workloads.execute(), await statements(db).metrics.execute()];
  return { workloads: new Map(w.map((r) => [r.id, r])), metrics: new Map(m.map((r) => [r.id, r])) };
}

/** Read once per import by the server. */
const cachedDimensions = cacheUntilDataChanges(readDimensions, { maxEntries: 1 });

/**
 * One host's series with their statistics as of an import, as a compact summary
 * (lib/overhead/host-summary.ts); uncached. `dimensions` defaults to the server's cached read,
 * which needs a watched handle on PostgreSQL: a CLI passes its own.
 */
export async function readHostSummary(
  db: Db,
  dataset: string,
  host: string,
  asof: number | null,
  dimensions?: Dimensions,
): Promise<HostSummary> {
  const params = { dataset, host, asof: importsUpTo(asof) };
  const rows = isPostgres(db) ? await hostSeriesPg(db, params) : await statements(db).hostSeries.execute(params);
  const { workloads, metrics } = dimensions ?? (await cachedDimensions(db));
  return summarizeHost(nameHostSeries(rows, workloads, metrics));
}

/**
 * The host-series query on PostgreSQL ($1 asof, $2 dataset, $3 host): each series' newest statistics
 * row through a lateral `LIMIT 1` on series_stats' (series_id, import_id) key, where the correlated
 * max() above made PostgreSQL's planner scan all of series_stats (docs/performance.md, "bench:perf on
 * PostgreSQL"). SQLite has no LATERAL; its plan for max() already uses that key. bench:perf's
 * minimal server sends the same text (scripts/perf/overhead-query.ts).
 */
export const HOST_SERIES_PG_SQL = `
  SELECT s.id, s.runtime_id AS runtime, s.runtime_version AS version, s.runtime_variant AS variant,
    s.workload_id AS "workloadId", s.metric_id AS "metricId", t.n, t.mean, t.m2,
    t.log_n AS "logN", t.log_mean AS "logMean", t.log_m2 AS "logM2"
  FROM series s
  JOIN datasets d ON s.dataset_id = d.id
  JOIN hosts h ON s.host_id = h.id
  CROSS JOIN LATERAL (
    SELECT * FROM series_stats newest
    WHERE newest.series_id = s.id AND newest.import_id <= $1
    ORDER BY newest.import_id DESC LIMIT 1
  ) t
  WHERE d.name = $2 AND h.name = $3
  ORDER BY s.id`;

async function hostSeriesPg(db: Db, { dataset, host, asof }: { dataset: string; host: string; asof: number }) {
  const { rows } = await (db as unknown as PgDb & { $client: pg.Pool }).$client.query<HostSeriesRow>(
    HOST_SERIES_PG_SQL,
    [asof, dataset, host],
  );
  return rows;
}
