import "server-only";
import { desc, gt } from "drizzle-orm";
import type { Db } from "@/db/open";
import { cacheUntilDataChanges } from "@/db/queries/read-cache";
import { tablesOf } from "@/db/tables";
import { memoizeByObject } from "@/lib/memoize";
import type { HostSeries, HostSummary } from "@/lib/overhead/host-summary";

export interface SelectionFacets {
  hosts: string[];
  runtimes: { id: string; version: string | null; variant: string | null }[];
  workloads: { name: string; category: string; tool: string }[];
  metrics: { name: string; unit: string; direction: string }[];
}

/**
 * What one dataset holds: its hosts, and the runtimes, workloads and metrics of the series of
 * one of them (overhead compares runs on the same machine).
 */
export function selectionFacets(hosts: string[], host: HostSummary): SelectionFacets {
  return { hosts, ...seriesFacets(host.representatives) };
}

/**
 * Facets of a host, from the first series of each value (HostSummary.representatives: what the
 * whole list gives, in a few hundred series), kept per summary, which views share.
 */
const seriesFacets = memoizeByObject((series: readonly HostSeries[]): Omit<SelectionFacets, "hosts"> => ({
  runtimes: uniqueBy(
    series,
    (s) => `${s.runtime}|${s.version}|${s.variant}`,
    (s) => ({ id: s.runtime, version: s.version, variant: s.variant }),
  ),
  workloads: uniqueBy(
    series,
    (s) => s.workload,
    (s) => ({ name: s.workload, category: s.category, tool: s.tool }),
  ),
  metrics: uniqueBy(
    series,
    (s) => s.metric,
    (s) => ({ name: s.metric, unit: s.unit, direction: s.direction }),
  ),
}));

/** One `make(item)` per distinct key, sorted by key: a host has thousands of series and a few dozen of each facet. */
function uniqueBy<S, T>(items: readonly S[], key: (s: S) => string, make: (s: S) => T): T[] {
  const seen = new Map<string, S>();
  for (const item of items) {
    const k = key(item);
    if (!seen.has(k)) seen.set(k, item);
  }
  return [...seen.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, item]) => make(item));
}

export interface ImportRow {
  id: number;
  startedAt: Date;
  files: number;
  samples: number;
}

/**
 * Imports that stored something, newest first: the ids a permalink's `asof` can pin. Read once
 * per commit, like the other facets: a database imported file by file holds thousands.
 */
export const listImports = cacheUntilDataChanges(readImports, { maxEntries: 1 });

async function readImports(db: Db): Promise<ImportRow[]> {
  const { imports } = tablesOf(db);
  return db
    .select({ id: imports.id, startedAt: imports.startedAt, files: imports.filesImported, samples: imports.samples })
    .from(imports)
    .where(gt(imports.filesImported, 0))
    .orderBy(desc(imports.id));
}

/** The newest import that stored something (what a permalink without `asof` pins), or null. */
export async function newestImportId(db: Db): Promise<number | null> {
  const { imports } = tablesOf(db);
  const [row] = await db
    .select({ id: imports.id })
    .from(imports)
    .where(gt(imports.filesImported, 0))
    .orderBy(desc(imports.id))
    .limit(1);
  return row?.id ?? null;
}
