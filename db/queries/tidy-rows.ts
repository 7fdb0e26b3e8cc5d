import { and, asc, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../open";
import { joinSampleContext } from "./sample-context";
import { importsUpTo, tablesOf } from "../tables";

/** The export contract: other tools and tests read these columns, in this order. */
export const TIDY_COLUMNS = [
  "dataset",
  "host",
  "runtime",
  "workload",
  "category",
  "metric",
  "unit",
  "direction",
  "repetition",
  "value",
  "tool",
  "source_file",
  // Last, so that the columns before keep their places: two versions or variants of one runtime
  // (Kata 2 and 3, Firecracker with and without its API) are separate series, and re-import so.
  "runtime_version",
  "runtime_variant",
] as const;

export type TidyRow = {
  dataset: string;
  host: string;
  runtime: string;
  workload: string;
  category: string;
  metric: string;
  unit: string;
  direction: string;
  repetition: number;
  value: number;
  tool: string;
  source_file: string;
  runtime_version: string | null;
  runtime_variant: string | null;
};

export interface TidyFilter {
  datasets?: string[];
  hosts?: string[];
  runtimes?: string[];
  workloads?: string[];
  metrics?: string[];
  /** Only data imported up to and including this import id. */
  asOf?: number;
}

/**
 * Every sample as one tidy row. Plain module (no `server-only`): the export CLI and the
 * API route share it, so both print the same contract.
 */
export async function listTidyRows(db: Db, filter: TidyFilter = {}): Promise<TidyRow[]> {
  const tables = tablesOf(db);
  const { datasets, hosts, metrics, runs, samples, sourceFiles, workloads } = tables;
  const where: SQL[] = [];
  if (filter.datasets?.length) where.push(inArray(datasets.name, filter.datasets));
  if (filter.hosts?.length) where.push(inArray(hosts.name, filter.hosts));
  if (filter.runtimes?.length) where.push(inArray(runs.runtimeId, filter.runtimes));
  if (filter.workloads?.length) where.push(inArray(workloads.name, filter.workloads));
  if (filter.metrics?.length) where.push(inArray(metrics.name, filter.metrics));
  if (filter.asOf !== undefined) where.push(lte(sourceFiles.importId, importsUpTo(filter.asOf)));
  const query = db
    .select({
      dataset: datasets.name,
      host: hosts.name,
      runtime: runs.runtimeId,
      workload: workloads.name,
      category: workloads.category,
      metric: metrics.name,
      unit: metrics.unit,
      direction: metrics.direction,
      repetition: runs.repetition,
      value: samples.value,
      tool: runs.tool,
      source_file: sourceFiles.path,
      runtime_version: runs.runtimeVersion,
      runtime_variant: runs.runtimeVariant,
    })
    .from(samples)
    .$dynamic();
  return joinSampleContext(query, tables)
    .where(and(...where))
    .orderBy(
      asc(datasets.name),
      asc(hosts.name),
      asc(runs.runtimeId),
      // Null as '' first on both engines (SQLite sorts NULL first, PostgreSQL last).
      asc(sql`coalesce(${runs.runtimeVersion}, '')`),
      asc(sql`coalesce(${runs.runtimeVariant}, '')`),
      asc(workloads.name),
      asc(metrics.name),
      asc(runs.repetition),
      // Then every other column (workload and metric names identify rows only with their tool and
      // unit): ties in any order would make the export differ between engines, or runs of one.
      asc(runs.tool),
      asc(metrics.unit),
      asc(sourceFiles.path),
      asc(samples.value),
    );
}
