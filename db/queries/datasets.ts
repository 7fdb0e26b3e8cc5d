import "server-only";
import { asc, count, countDistinct, eq } from "drizzle-orm";
import { db } from "@/db";
import { datasets, runs, samples } from "@/db/schema";

export interface DatasetSummary {
  name: string;
  hosts: number;
  runtimes: number;
  workloads: number;
  runs: number;
  samples: number;
}

/** One line per dataset: how much was imported, for the landing page. */
export async function listDatasetSummaries(): Promise<DatasetSummary[]> {
  const rows = await db
    .select({
      name: datasets.name,
      hosts: countDistinct(runs.hostId),
      runtimes: countDistinct(runs.runtimeId),
      workloads: countDistinct(runs.workloadId),
      runs: countDistinct(runs.id),
      samples: count(samples.id),
    })
    .from(datasets)
    .innerJoin(runs, eq(runs.datasetId, datasets.id))
    .innerJoin(samples, eq(samples.runId, runs.id))
    .groupBy(datasets.name)
    .orderBy(asc(datasets.name));
  return rows.map((r) => ({ ...r, hosts: Number(r.hosts), runtimes: Number(r.runtimes), workloads: Number(r.workloads), runs: Number(r.runs), samples: Number(r.samples) }));
}
