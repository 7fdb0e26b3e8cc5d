import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { tablesOf } from "@/db/tables";

export interface RuntimeAppearance {
  dataset: string;
  host: string;
  version: string | null;
  variant: string | null;
}

/** Where a runtime was measured: every dataset, host, version and variant seen in the data. */
export async function listRuntimeAppearances(db: Db, runtimeId: string): Promise<RuntimeAppearance[]> {
  const { datasets, hosts, runs } = tablesOf(db);
  return db
    .selectDistinct({
      dataset: datasets.name,
      host: hosts.name,
      version: runs.runtimeVersion,
      variant: runs.runtimeVariant,
    })
    .from(runs)
    .innerJoin(datasets, eq(runs.datasetId, datasets.id))
    .innerJoin(hosts, eq(runs.hostId, hosts.id))
    .where(eq(runs.runtimeId, runtimeId))
    .orderBy(asc(datasets.name), asc(hosts.name), asc(runs.runtimeVersion), asc(runs.runtimeVariant));
}

/** Runtime ids with at least one run, for the catalog index. */
export async function listMeasuredRuntimeIds(db: Db): Promise<string[]> {
  const { runs } = tablesOf(db);
  const rows = await db.selectDistinct({ id: runs.runtimeId }).from(runs).orderBy(asc(runs.runtimeId));
  return rows.map((r) => r.id);
}
