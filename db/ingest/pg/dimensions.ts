import { and, eq, sql } from "drizzle-orm";
import type { FileLabels } from "@/lib/ingest/labels";
import type { FilePlan, PlannedRun, PlannedSample } from "@/lib/ingest/plan";
import type { PgDb } from "../../open-pg";
import { knownHostFacts } from "../file-writer";
import { datasets, hosts, metrics, runtimes, workloads } from "../../schema.pg";

/** Ids of committed dimension rows by key (`dataset:NAME`...): rows that are never deleted, so safe to keep. */
export type Dimensions = Map<string, number>;

/** Rows a multi-row INSERT carries: 1,000 rows of 8 columns stay far under PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 1000;

/**
 * Takes the dataset's advisory lock until the transaction ends: importers of one dataset then
 * decide stored bytes, repetition numbers, new series and statistics one after another, whichever
 * machine they run on. Keyed by name, so it also covers the dataset's first file.
 */
export async function lockDataset(db: PgDb, name: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`hvscope dataset ${name}`}, 0))`);
}

export async function insertInChunks<Row>(rows: Row[], insert: (chunk: Row[]) => PromiseLike<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
    await insert(rows.slice(start, start + ROWS_PER_INSERT));
}

/**
 * The ids of a file's dataset, host, runtimes, workloads and metrics, each row added if missing
 * (INSERT … ON CONFLICT, then read back: safe with any number of importers).
 */
export async function upsertDimensions(db: PgDb, known: Dimensions, labels: FileLabels, plan: FilePlan) {
  const cached = async (key: string, create: () => Promise<number>) => {
    const hit = known.get(key);
    if (hit !== undefined) return hit;
    const id = await create();
    known.set(key, id);
    return id;
  };
  const datasetId = await cached(`dataset:${labels.dataset}`, async () => {
    await db.insert(datasets).values({ name: labels.dataset }).onConflictDoNothing();
    const [row] = await db.select({ id: datasets.id }).from(datasets).where(eq(datasets.name, labels.dataset));
    return row!.id;
  });
  const hostId = await cached(`host:${labels.host.name}`, () => upsertHost(db, labels.host));
  const workloadIds = new Map<PlannedRun, number>();
  const metricIds = new Map<string, number>();
  for (const run of plan.runs) {
    await cached(`runtime:${run.runtime.id}`, async () => {
      await db.insert(runtimes).values({ id: run.runtime.id, known: run.runtime.known }).onConflictDoNothing();
      return 1;
    });
    const { name, category, params } = run.workload;
    const tool = plan.parser.id;
    workloadIds.set(
      run,
      await cached(`workload:${tool}:${name}`, async () => {
        await db
          .insert(workloads)
          .values({ tool, name, category, paramsJson: JSON.stringify(params) })
          .onConflictDoNothing();
        const [row] = await db
          .select({ id: workloads.id })
          .from(workloads)
          .where(and(eq(workloads.tool, tool), eq(workloads.name, name)));
        return row!.id;
      }),
    );
    for (const s of run.samples) {
      const key = metricKey(s);
      metricIds.set(key, await cached(key, () => upsertMetric(db, s)));
    }
  }
  return {
    datasetId,
    hostId,
    workloadOf: (run: PlannedRun) => workloadIds.get(run)!,
    metricOf: (s: PlannedSample) => metricIds.get(metricKey(s))!,
  };
}

const metricKey = (s: PlannedSample) => `metric:${s.metric}:${s.unit}:${s.direction}`;

async function upsertHost(db: PgDb, host: FileLabels["host"]): Promise<number> {
  const known = knownHostFacts(host);
  const insert = db.insert(hosts).values({ name: host.name, ...known });
  // Facts captured later fill in a host first seen without them (as db/ingest/writer.ts does).
  await (Object.keys(known).length > 0
    ? insert.onConflictDoUpdate({ target: hosts.name, set: known })
    : insert.onConflictDoNothing());
  const [row] = await db.select({ id: hosts.id }).from(hosts).where(eq(hosts.name, host.name));
  return row!.id;
}

async function upsertMetric(db: PgDb, s: PlannedSample): Promise<number> {
  await db.insert(metrics).values({ name: s.metric, unit: s.unit, direction: s.direction }).onConflictDoNothing();
  const [row] = await db
    .select({ id: metrics.id, direction: metrics.direction })
    .from(metrics)
    .where(and(eq(metrics.name, s.metric), eq(metrics.unit, s.unit)));
  if (row!.direction !== s.direction)
    throw new Error(
      `metric ${s.metric} (${s.unit}) is stored as ${row!.direction} is better, this file says ${s.direction}`,
    );
  return row!.id;
}
