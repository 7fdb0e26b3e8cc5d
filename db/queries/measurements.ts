import "server-only";
import { and, asc, eq, inArray, lte, type SQL } from "drizzle-orm";
import type { Db } from "@/db/open";
import { joinSampleContext } from "@/db/sample-context";
import { datasets, hosts, metrics, runs, samples, sourceFiles, workloads } from "@/db/schema";
import type { Measurement } from "@/lib/overhead-rows";
import type { Selection } from "@/lib/selection";

/** Every sample of a resolved selection (its runtimes plus the baseline), one row each. */
export async function listMeasurements(db: Db, sel: Selection): Promise<Measurement[]> {
  const where: SQL[] = [eq(datasets.name, sel.dataset), eq(hosts.name, sel.host)];
  if (sel.runtimes.length > 0) where.push(inArray(runs.runtimeId, [...new Set([...sel.runtimes, sel.baseline])]));
  if (sel.workloads.length > 0) where.push(inArray(workloads.name, sel.workloads));
  if (sel.metric !== null) where.push(eq(metrics.name, sel.metric));
  if (sel.asof !== null) where.push(lte(sourceFiles.importId, sel.asof));
  const query = db
    .select({
      runId: runs.id,
      sourceFileId: runs.sourceFileId,
      runtime: runs.runtimeId,
      version: runs.runtimeVersion,
      variant: runs.runtimeVariant,
      workload: workloads.name,
      category: workloads.category,
      metric: metrics.name,
      unit: metrics.unit,
      direction: metrics.direction,
      repetition: runs.repetition,
      value: samples.value,
    })
    .from(samples)
    .$dynamic();
  return joinSampleContext(query)
    .where(and(...where))
    .orderBy(asc(runs.runtimeId), asc(workloads.name), asc(metrics.name), asc(runs.repetition));
}
