import "server-only";
import { and, asc, desc, eq, gt, lte, sum, type SQL } from "drizzle-orm";
import type { Db } from "@/db/open";
import { joinSampleContext } from "@/db/sample-context";
import { pickHost } from "@/lib/selection";
import { datasets, hosts, imports, metrics, runs, samples, sourceFiles, workloads } from "@/db/schema";

export interface DatasetFacet {
  name: string;
  samples: number;
}

/**
 * Datasets with data as of an import, most samples first (the default view's choice). Sums the
 * per-file counts kept at ingest: counting samples here made every request scan the whole table.
 */
export async function listDatasets(db: Db, asof: number | null): Promise<DatasetFacet[]> {
  const total = sum(sourceFiles.sampleCount);
  const rows = await db
    .select({ name: datasets.name, samples: total })
    .from(sourceFiles)
    .innerJoin(datasets, eq(sourceFiles.datasetId, datasets.id))
    .where(asof === null ? undefined : lte(sourceFiles.importId, asof))
    .groupBy(datasets.name)
    .having(gt(total, 0))
    .orderBy(desc(total), asc(datasets.name));
  return rows.map((r) => ({ name: r.name, samples: Number(r.samples) }));
}

export interface SelectionFacets {
  hosts: string[];
  runtimes: { id: string; version: string | null; variant: string | null }[];
  workloads: { name: string; category: string; tool: string }[];
  metrics: { name: string; unit: string; direction: string }[];
}

/**
 * What one dataset holds: its hosts, and the runtimes, workloads and metrics of one of them
 * (the one asked for, else the first: overhead compares runs on the same machine).
 */
export async function getSelectionFacets(db: Db, dataset: string, askedHost: string | null, asof: number | null): Promise<SelectionFacets> {
  const where: SQL[] = [eq(datasets.name, dataset)];
  if (asof !== null) where.push(lte(sourceFiles.importId, asof));
  const runRows = await db
    .selectDistinct({
      host: hosts.name,
      runtime: runs.runtimeId,
      version: runs.runtimeVersion,
      variant: runs.runtimeVariant,
      workload: workloads.name,
      category: workloads.category,
      tool: workloads.tool,
    })
    .from(runs)
    .innerJoin(datasets, eq(runs.datasetId, datasets.id))
    .innerJoin(hosts, eq(runs.hostId, hosts.id))
    .innerJoin(sourceFiles, eq(runs.sourceFileId, sourceFiles.id))
    .innerJoin(workloads, eq(runs.workloadId, workloads.id))
    .where(and(...where));
  const hostNames = uniqueSorted(runRows.map((r) => r.host));
  const host = pickHost(askedHost, hostNames);
  const scoped = runRows.filter((r) => r.host === host);
  const metricQuery = db.select({ name: metrics.name, unit: metrics.unit, direction: metrics.direction }).from(samples).$dynamic();
  const metricRows = await joinSampleContext(metricQuery)
    .where(and(...where, eq(hosts.name, host)))
    .groupBy(metrics.name, metrics.unit, metrics.direction)
    .orderBy(asc(metrics.name));
  return {
    hosts: hostNames,
    runtimes: uniqueBy(scoped.map((r) => ({ id: r.runtime, version: r.version, variant: r.variant })), (r) => `${r.id}|${r.version}|${r.variant}`),
    workloads: uniqueBy(scoped.map((r) => ({ name: r.workload, category: r.category, tool: r.tool })), (w) => w.name),
    metrics: metricRows,
  };
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort();
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
}

export interface ImportRow {
  id: number;
  startedAt: Date;
  files: number;
  samples: number;
}

/** Imports that stored something, newest first: the ids a permalink's `asof` can pin. */
export async function listImports(db: Db): Promise<ImportRow[]> {
  const rows = await db
    .select({ id: imports.id, startedAt: imports.startedAt, files: imports.filesImported, samples: imports.samples })
    .from(imports)
    .orderBy(desc(imports.id));
  return rows.filter((r) => r.files > 0);
}
