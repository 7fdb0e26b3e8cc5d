import { eq } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import type { Tables } from "../tables";

/**
 * Joins what names a sample: run, metric, workload, dataset, host and source file (for `asof`).
 * The one join every sample-level query starts from:
 * `joinSampleContext(db.select({...}).from(samples).$dynamic(), tablesOf(db))`.
 */
export function joinSampleContext<T extends SQLiteSelect>(qb: T, t: Tables) {
  const { datasets, hosts, metrics, runs, samples, sourceFiles, workloads } = t;
  return qb
    .innerJoin(runs, eq(samples.runId, runs.id))
    .innerJoin(metrics, eq(samples.metricId, metrics.id))
    .innerJoin(workloads, eq(runs.workloadId, workloads.id))
    .innerJoin(datasets, eq(runs.datasetId, datasets.id))
    .innerJoin(hosts, eq(runs.hostId, hosts.id))
    .innerJoin(sourceFiles, eq(runs.sourceFileId, sourceFiles.id));
}
