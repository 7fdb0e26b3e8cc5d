import "server-only";
import { and, asc, desc, eq, exists, gt, lte, max, sql, sum } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/open";
import { preparedPerDb } from "@/db/prepared";
import { getHostFingerprints, hostKey } from "@/db/queries/host-fingerprints";
import { cacheUntilDataChanges, cacheUntilInputsChange } from "@/db/queries/read-cache";
import { importsUpTo, tablesOf } from "@/db/tables";
import { nameHostSeries } from "@/db/series-row";
import { statsSelection } from "@/db/stats-columns";
import { summarizeHost, type HostSummary } from "@/lib/overhead/host-summary";

const p = sql.placeholder;

// Prepared once per handle: on SQLite synchronous statements, on PostgreSQL unnamed ones (each a
// parse and execute on whichever pooled connection runs it; docs/decisions/018-app-on-postgresql.md).
const statements = preparedPerDb((db) => {
  const { datasets, hosts, importSamples, metrics, series, seriesStats, workloads } = tablesOf(db);
  const newer = alias(seriesStats, "newer");
  return {
    datasetTotals: db
      .select({ name: datasets.name, samples: sum(importSamples.samples) })
      .from(importSamples)
      .innerJoin(datasets, eq(importSamples.datasetId, datasets.id))
      .where(lte(importSamples.importId, p("asof")))
      .groupBy(datasets.name)
      .having(gt(sum(importSamples.samples), 0))
      .orderBy(desc(sum(importSamples.samples)), asc(datasets.name))
      .prepare(),
    // Which runtimes each dataset holds as of an import (any host): the default view looks for a
    // dataset that holds its baseline.
    datasetRuntimes: db
      .selectDistinct({ dataset: datasets.name, runtime: series.runtimeId })
      .from(series)
      .innerJoin(datasets, eq(series.datasetId, datasets.id))
      .where(
        exists(
          db
            .select({ one: sql`1` })
            .from(seriesStats)
            .where(and(eq(seriesStats.seriesId, series.id), lte(seriesStats.importId, p("asof")))),
        ),
      )
      .prepare(),
    datasetHosts: db
      .selectDistinct({ name: hosts.name })
      .from(importSamples)
      .innerJoin(datasets, eq(importSamples.datasetId, datasets.id))
      .innerJoin(hosts, eq(importSamples.hostId, hosts.id))
      .where(and(eq(datasets.name, p("dataset")), lte(importSamples.importId, p("asof"))))
      .orderBy(asc(hosts.name))
      .prepare(),
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

export interface DatasetFacet {
  name: string;
  samples: number;
}

/**
 * Datasets with data as of an import, most samples first (the default view's choice). Cached
 * like the host's series: every view reads both lists (docs/performance.md). Immutable.
 */
export const listDatasets = cacheUntilDataChanges(readDatasets, { maxEntries: 16 });

async function readDatasets(db: Db, asof: number | null): Promise<DatasetFacet[]> {
  const rows = await statements(db).datasetTotals.execute({ asof: importsUpTo(asof) });
  return rows.map((r) => ({ name: r.name, samples: Number(r.samples) }));
}

/** The runtime ids each dataset holds as of an import, on any of its hosts. Cached; immutable. */
export const listDatasetRuntimes = cacheUntilDataChanges(readDatasetRuntimes, { maxEntries: 16 });

async function readDatasetRuntimes(db: Db, asof: number | null): Promise<ReadonlyMap<string, ReadonlySet<string>>> {
  const byDataset = new Map<string, Set<string>>();
  for (const { dataset, runtime } of await statements(db).datasetRuntimes.execute({ asof: importsUpTo(asof) })) {
    let runtimes = byDataset.get(dataset);
    if (!runtimes) byDataset.set(dataset, (runtimes = new Set()));
    runtimes.add(runtime);
  }
  return byDataset;
}

/** A dataset's hosts with data as of an import, by name. Cached; immutable. */
export const listDatasetHosts = cacheUntilDataChanges(readDatasetHosts, { maxEntries: 256 });

async function readDatasetHosts(db: Db, dataset: string, asof: number | null): Promise<string[]> {
  return (await statements(db).datasetHosts.execute({ dataset, asof: importsUpTo(asof) })).map((r) => r.name);
}

/**
 * Every series measured on one host of a dataset, with its statistics as of an import, as a
 * compact summary that views select from (lib/overhead/host-summary.ts). Read again only when an
 * import changes that host's data as of `asof`, and kept even with the view caches off: a view
 * then costs what it shows, not what the host holds (docs/decisions/016-host-summaries.md). Room
 * for every host of a few dozen datasets, which the synthesis reads together. Immutable.
 */
export const getHostSummary = cacheUntilInputsChange("host-summary", readHostSummary, {
  maxEntries: 128,
  fingerprint: async (db, dataset, host, asof) =>
    (await getHostFingerprints(db, asof)).byHost.get(hostKey(dataset, host)) ?? "none",
});

async function readHostSummary(db: Db, dataset: string, host: string, asof: number | null): Promise<HostSummary> {
  const rows = await statements(db).hostSeries.execute({ dataset, host, asof: importsUpTo(asof) });
  const { workloads, metrics } = await dimensionsById(db);
  return summarizeHost(nameHostSeries(rows, workloads, metrics));
}

/** Every workload and metric by id: tens to hundreds of rows, read once per import. */
const dimensionsById = cacheUntilDataChanges(
  async (db: Db) => {
    const [w, m] = [await statements(db).workloads.execute(), await statements(db).metrics.execute()];
    return { workloads: new Map(w.map((r) => [r.id, r])), metrics: new Map(m.map((r) => [r.id, r])) };
  },
  { maxEntries: 1 },
);
