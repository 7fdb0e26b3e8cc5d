import { count, eq, lte, max, sql, sum } from "drizzle-orm";
import type { Db } from "@/db/open";
import { preparedPerDb } from "@/db/prepared";
import { cacheUntilDataChanges } from "@/db/queries/read-cache";
import { importsUpTo, tablesOf } from "@/db/tables";

// import_samples gets a row per import, dataset and host, and its count grows in the same
// transaction as the statistics it counts (db/ingest/writer.ts writeTotals): so a host's rows, their
// sum and newest import change exactly when its series statistics as of `asof` can.
// No "server-only": the ingest CLI and db:migrate key the studies they store by these (db/queries/host-studies.ts).
const statements = preparedPerDb((db) => {
  const { datasets, hosts, importSamples } = tablesOf(db);
  return {
    hostTotals: db
      .select({
        datasetId: datasets.id,
        hostId: hosts.id,
        dataset: datasets.name,
        host: hosts.name,
        imports: count(),
        samples: sum(importSamples.samples),
        newest: max(importSamples.importId),
      })
      .from(importSamples)
      .innerJoin(datasets, eq(importSamples.datasetId, datasets.id))
      .innerJoin(hosts, eq(importSamples.hostId, hosts.id))
      .where(lte(importSamples.importId, sql.placeholder("asof")))
      .groupBy(datasets.id, hosts.id, datasets.name, hosts.name)
      .prepare(),
  };
});

export interface HostFingerprints {
  /** Per dataset and host (`hostKey`): changes whenever the host's data as of `asof` changes. */
  byHost: ReadonlyMap<string, string>;
  /** Per dataset and host (`hostKey`): their ids, which stored studies are keyed by (db/queries/host-studies.ts). */
  ids: ReadonlyMap<string, { datasetId: number; hostId: number }>;
  /** Every host's together: changes whenever any host's data, or the set of hosts, changes. */
  all: string;
}

export const hostKey = (dataset: string, host: string) => JSON.stringify([dataset, host]);

/**
 * What each host's data as of an import is, in a few characters: summaries built from a host are
 * kept while its fingerprint stays (db/queries/read-cache.ts cacheUntilInputsChange). One
 * grouped query per import; immutable.
 */
export const getHostFingerprints = cacheUntilDataChanges(readHostFingerprints, { maxEntries: 16, summary: true });

/** The same, uncached: for a CLI, whose PostgreSQL handle has no data-version watch (db/queries/read-cache.ts). */
export async function readHostFingerprints(db: Db, asof: number | null): Promise<HostFingerprints> {
  const rows = await statements(db).hostTotals.execute({ asof: importsUpTo(asof) });
  const byHost = new Map(rows.map((r) => [hostKey(r.dataset, r.host), `${r.imports}:${r.samples}:${r.newest}`]));
  const ids = new Map(rows.map((r) => [hostKey(r.dataset, r.host), { datasetId: r.datasetId, hostId: r.hostId }]));
  return { byHost, ids, all: JSON.stringify([...byHost].sort(([a], [b]) => (a < b ? -1 : 1))) };
}
