import "server-only";
import { and, asc, desc, eq, exists, gt, lte, sql, sum } from "drizzle-orm";
import type { Db } from "@/db/open";
import { preparedPerDb } from "@/db/prepared";
import { getHostFingerprints, hostKey } from "@/db/queries/host-fingerprints";
import { cacheUntilDataChanges, cacheUntilInputsChange } from "@/db/queries/read-cache";
import { importsUpTo, tablesOf } from "@/db/tables";
import { readEnv } from "@/lib/env";
import { readHostSummary } from "./host-summary-read";

const p = sql.placeholder;

// Prepared once per handle: on SQLite synchronous statements, on PostgreSQL unnamed ones (each a
// parse and execute on whichever pooled connection runs it; docs/decisions/018-app-on-postgresql.md).
const statements = preparedPerDb((db) => {
  const { datasets, hosts, importSamples, runtimes, series, seriesStats } = tablesOf(db);
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
    storedRuntimes: db.select({ id: runtimes.id }).from(runtimes).prepare(),
    // Whether a dataset holds a runtime as of an import (any host): the default view looks for the
    // largest dataset that holds its baseline. One match ends it.
    datasetHolds: db
      .select({ one: sql`1` })
      .from(series)
      .innerJoin(datasets, eq(series.datasetId, datasets.id))
      .where(
        and(
          eq(datasets.name, p("dataset")),
          eq(series.runtimeId, p("runtime")),
          exists(
            db
              .select({ one: sql`1` })
              .from(seriesStats)
              .where(and(eq(seriesStats.seriesId, series.id), lte(seriesStats.importId, p("asof")))),
          ),
        ),
      )
      .limit(1)
      .prepare(),
    datasetHosts: db
      .selectDistinct({ name: hosts.name })
      .from(importSamples)
      .innerJoin(datasets, eq(importSamples.datasetId, datasets.id))
      .innerJoin(hosts, eq(importSamples.hostId, hosts.id))
      .where(and(eq(datasets.name, p("dataset")), lte(importSamples.importId, p("asof"))))
      .orderBy(asc(hosts.name))
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

/**
 * The first of `datasets` (largest first, as listDatasets orders them) that holds `runtime` as of an
 * import, on any host; null when none does. Asks dataset by dataset, so the default view reads
 * one dataset's series when its largest dataset holds the baseline, not every series of every
 * dataset (docs/performance.md). Cached; immutable.
 */
export const firstDatasetHolding = cacheUntilDataChanges(readFirstDatasetHolding, { maxEntries: 16 });

async function readFirstDatasetHolding(
  db: Db,
  datasets: readonly string[],
  runtime: string,
  asof: number | null,
): Promise<string | null> {
  // A runtime no series names (any text a link holds; PostgreSQL refuses some, such as NUL) is asked nowhere.
  if (!(await listStoredRuntimes(db)).has(runtime)) return null;
  for (const dataset of datasets)
    if ((await statements(db).datasetHolds.execute({ dataset, runtime, asof: importsUpTo(asof) })).length > 0)
      return dataset;
  return null;
}

/** Every runtime id stored (a small table), as of the latest data. Cached; immutable. */
const listStoredRuntimes = cacheUntilDataChanges(
  async (db: Db): Promise<ReadonlySet<string>> =>
    new Set((await statements(db).storedRuntimes.execute()).map((r) => r.id)),
  { maxEntries: 1 },
);

/** A dataset's hosts with data as of an import, by name. Cached; immutable. */
export const listDatasetHosts = cacheUntilDataChanges(readDatasetHosts, { maxEntries: 256 });

async function readDatasetHosts(db: Db, dataset: string, asof: number | null): Promise<string[]> {
  return (await statements(db).datasetHosts.execute({ dataset, asof: importsUpTo(asof) })).map((r) => r.name);
}

/**
 * Every series measured on one host of a dataset, with its statistics as of an import, as a
 * compact summary that views select from (lib/overhead/host-summary.ts). Read again only when an
 * import changes that host's data as of `asof`, and kept even with the view caches off: a view
 * then costs what it shows, not what the host holds (docs/decisions/016-host-summaries.md). Kept
 * up to HVSCOPE_SUMMARY_CACHE_MB, least recently used first: the synthesis pools stored studies,
 * not summaries, so a server need not hold every host (docs/decisions/019-bounded-synthesis-inputs.md).
 * Immutable.
 */
export const getHostSummary = cacheUntilInputsChange(
  "host-summary",
  (db: Db, dataset: string, host: string, asof: number | null) => readHostSummary(db, dataset, host, asof),
  {
    maxEntries: 100_000,
    fingerprint: async (db, dataset, host, asof) =>
      (await getHostFingerprints(db, asof)).byHost.get(hostKey(dataset, host)) ?? "none",
    bytes: { of: (summary) => summary.bytes, max: summaryCacheBytes },
  },
);

let maxBytes: number | undefined;

function summaryCacheBytes(): number {
  return (maxBytes ??= readEnv().HVSCOPE_SUMMARY_CACHE_MB * 1024 * 1024);
}
