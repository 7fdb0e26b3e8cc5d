import { and, eq, gte, inArray, max, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import type { FilePlan, PlannedRun } from "@/lib/ingest/plan";
import type { LabelledFile } from "@/lib/ingest/prepare";
import { mergeSeriesMoments, seriesMomentsOf } from "@/lib/overhead/moments";
import type { PgDb } from "../../open-pg";
import * as schema from "../../schema.pg";
import { fromStatsColumns, NO_SERIES_MOMENTS, toStatsColumns } from "../../stats-columns";
import {
  finishedImportColumns,
  runColumns,
  runtimeColumns,
  sourceFileColumns,
  type FileWriter,
  type ImportCounts,
  type StoredFile,
} from "../file-writer";
import { PgTransactions } from "./transaction";
import { insertInChunks, lockDataset, upsertDimensions, type Dimensions } from "./dimensions";

const { datasets, imports, importSamples, runs, samples, series, seriesStats, sourceFiles } = schema;

type Runtime = ReturnType<typeof runtimeColumns>;
/** What repetitions are numbered within, and (with a metric) what identifies a series, in one (dataset, host). */
const groupKey = (workloadId: number, r: Runtime) =>
  JSON.stringify([workloadId, r.runtimeId, r.runtimeVersion, r.runtimeVariant]);

/**
 * Stores files in PostgreSQL, each in its own transaction, for importers that may run at the same
 * time on other machines (docs/decisions/017-postgresql-store.md). Each file's transaction first
 * takes an advisory lock on its dataset, so the stored-bytes check, repetition numbers, new
 * series and statistics of one dataset are decided by one importer at a time; the shared tables
 * (hosts, workloads, metrics...) take rows with INSERT … ON CONFLICT. Unlike SQLite's writer it
 * keeps no cache that another importer could make stale, except ids of committed rows.
 */
export class PgFileWriter implements FileWriter {
  private readonly db: PgDb;
  private readonly tx: PgTransactions;
  private readonly dims: Dimensions = new Map();

  constructor(client: pg.PoolClient) {
    this.db = drizzle(client, { schema });
    this.tx = new PgTransactions(client);
  }

  /** For a dry run: everything inside `fn` happens in one transaction, each file a savepoint. */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.tx.run(fn);
  }

  async startImport(argv: string[]): Promise<number> {
    const [row] = await this.db
      .insert(imports)
      .values({ startedAt: new Date(), argv: JSON.stringify(argv) })
      .returning({ id: imports.id });
    return row!.id;
  }

  async finishImport(id: number, counts: ImportCounts): Promise<void> {
    await this.db.update(imports).set(finishedImportColumns(counts)).where(eq(imports.id, id));
  }

  async isStored(file: Pick<LabelledFile, "sha256" | "labels">): Promise<boolean> {
    const found = await this.db
      .select({ id: sourceFiles.id })
      .from(sourceFiles)
      .innerJoin(datasets, eq(datasets.id, sourceFiles.datasetId))
      .where(and(eq(datasets.name, file.labels.dataset), eq(sourceFiles.sha256, file.sha256)))
      .limit(1);
    return found.length > 0;
  }

  async write(importId: number, file: StoredFile, plan: FilePlan): Promise<boolean> {
    try {
      // Ids made by a transaction that rolled back (then retried) name no rows.
      return await this.tx.run(() => this.writeLocked(importId, file, plan), { onRetry: () => this.dims.clear() });
    } catch (e) {
      this.dims.clear();
      throw e;
    }
  }

  private async writeLocked(importId: number, file: StoredFile, plan: FilePlan): Promise<boolean> {
    await lockDataset(this.db, file.labels.dataset);
    const ids = await upsertDimensions(this.db, this.dims, file.labels, plan);
    const { datasetId, hostId } = ids;
    const [stored] = await this.db
      .select({ id: sourceFiles.id })
      .from(sourceFiles)
      .where(and(eq(sourceFiles.datasetId, datasetId), eq(sourceFiles.sha256, file.sha256)));
    if (stored) return false; // another importer stored these bytes since isStored looked
    const [source] = await this.db
      .insert(sourceFiles)
      .values(sourceFileColumns(importId, datasetId, file, plan))
      .returning({ id: sourceFiles.id });
    const workloadIds = [...new Set(plan.runs.map((r) => ids.workloadOf(r)))];
    const lastRepetition = await this.lastRepetitions(datasetId, hostId, workloadIds);
    const seriesIds = await this.seriesOf(datasetId, hostId, workloadIds);
    const bases = new Map<string, number>();
    const planned: { run: PlannedRun; row: typeof runs.$inferInsert; group: string }[] = [];
    for (const run of plan.runs) {
      const workloadId = ids.workloadOf(run);
      const runtime = runtimeColumns(run);
      const group = groupKey(workloadId, runtime);
      // Repetitions continue across files: the next free number plus the run's offset in this file.
      const base = bases.get(group) ?? (lastRepetition.get(group) ?? 0) + 1;
      bases.set(group, base);
      const repetition = base + run.repetition;
      lastRepetition.set(group, Math.max(repetition, lastRepetition.get(group) ?? 0));
      const row = {
        ...runColumns(plan, run, { sourceFileId: source!.id, datasetId, hostId, workloadId, repetition }),
        startedAt: plan.startedAt ?? null,
      };
      planned.push({ run, row, group });
    }
    // RETURNING's order is not guaranteed: a run is found again by its label, workload and
    // repetition, which no two runs of one file share (lib/ingest/plan.ts groups by them).
    const runKey = (r: { runtimeLabel: string; workloadId: number; repetition: number }) =>
      JSON.stringify([r.runtimeLabel, r.workloadId, r.repetition]);
    const runIds = new Map<string, number>();
    await insertInChunks(
      planned.map((p) => p.row),
      async (chunk) => {
        const returned = await this.db.insert(runs).values(chunk).returning({
          id: runs.id,
          runtimeLabel: runs.runtimeLabel,
          workloadId: runs.workloadId,
          repetition: runs.repetition,
        });
        for (const r of returned) runIds.set(runKey(r), r.id);
      },
    );
    const values: { runId: number; metricId: number; key: string; value: number }[] = [];
    const wanted = new Map<string, typeof series.$inferInsert>();
    for (const { run, row, group } of planned) {
      const runId = runIds.get(runKey(row))!;
      for (const s of run.samples) {
        const metricId = ids.metricOf(s);
        const key = `${group}:${metricId}`;
        if (!seriesIds.has(key))
          wanted.set(key, { datasetId, hostId, ...runtimeColumns(run), workloadId: row.workloadId, metricId });
        values.push({ runId, metricId, key, value: s.value });
      }
    }
    await this.createSeries(wanted, seriesIds);
    const rows = values.map((v) => ({
      runId: v.runId,
      metricId: v.metricId,
      seriesId: seriesIds.get(v.key)!,
      value: v.value,
    }));
    await insertInChunks(rows, (chunk) => this.db.insert(samples).values(chunk));
    await this.addTotals(importId, datasetId, hostId, plan.sampleCount, rows);
    return true;
  }

  /** The last repetition of each (workload, runtime, version, variant) group of the file's workloads. */
  private async lastRepetitions(datasetId: number, hostId: number, workloadIds: number[]) {
    const found = await this.db
      .select({
        last: max(runs.repetition),
        workloadId: runs.workloadId,
        runtimeId: runs.runtimeId,
        runtimeVersion: runs.runtimeVersion,
        runtimeVariant: runs.runtimeVariant,
      })
      .from(runs)
      .where(and(eq(runs.datasetId, datasetId), eq(runs.hostId, hostId), inArray(runs.workloadId, workloadIds)))
      .groupBy(runs.workloadId, runs.runtimeId, runs.runtimeVersion, runs.runtimeVariant);
    return new Map(found.map((r) => [groupKey(r.workloadId, r), r.last ?? 0]));
  }

  /** The stored series of the file's workloads, by group and metric. */
  private async seriesOf(datasetId: number, hostId: number, workloadIds: number[]) {
    const found = await this.db
      .select()
      .from(series)
      .where(and(eq(series.datasetId, datasetId), eq(series.hostId, hostId), inArray(series.workloadId, workloadIds)));
    return new Map(found.map((s) => [`${groupKey(s.workloadId, s)}:${s.metricId}`, s.id]));
  }

  private async createSeries(wanted: Map<string, typeof series.$inferInsert>, ids: Map<string, number>) {
    if (wanted.size === 0) return;
    // RETURNING's order is not guaranteed: each new series is matched back by its identity.
    const created = await this.db
      .insert(series)
      .values([...wanted.values()])
      .returning();
    for (const s of created) ids.set(`${groupKey(s.workloadId, s)}:${s.metricId}`, s.id);
    for (const key of wanted.keys()) if (!ids.has(key)) throw new Error(`series ${key} was inserted but not returned`);
  }

  /**
   * Folds the file into its series' statistics as of this import (the newest row at or before it,
   * extended, and every later row written by a concurrent import, since each row covers all
   * imports up to its own), the samples per dataset and host, and the import's counts: in the
   * file's own transaction, so a reader never sees the file without its totals.
   */
  private async addTotals(
    importId: number,
    datasetId: number,
    hostId: number,
    sampleCount: number,
    rows: { seriesId: number; value: number }[],
  ) {
    const bySeries = new Map<number, number[]>();
    for (const r of rows) (bySeries.get(r.seriesId) ?? bySeries.set(r.seriesId, []).get(r.seriesId)!).push(r.value);
    // Per series: its newest row at or before this import, and every later one.
    const from = await this.db
      .select()
      .from(seriesStats)
      .where(
        and(
          inArray(seriesStats.seriesId, [...bySeries.keys()]),
          gte(
            seriesStats.importId,
            sql`coalesce((SELECT max(s2.import_id) FROM series_stats s2
              WHERE s2.series_id = ${seriesStats.seriesId} AND s2.import_id <= ${importId}), 0)`,
          ),
        ),
      )
      .orderBy(seriesStats.seriesId, seriesStats.importId);
    const stats: (typeof seriesStats.$inferInsert)[] = [];
    for (const [seriesId, values] of bySeries) {
      const delta = seriesMomentsOf(values);
      const rows = from.filter((r) => r.seriesId === seriesId);
      const base = rows[0] && rows[0].importId <= importId ? fromStatsColumns(rows[0]) : NO_SERIES_MOMENTS;
      stats.push({ seriesId, importId, ...toStatsColumns(mergeSeriesMoments(base, delta)) });
      for (const later of rows.filter((r) => r.importId > importId))
        stats.push({
          seriesId,
          importId: later.importId,
          ...toStatsColumns(mergeSeriesMoments(fromStatsColumns(later), delta)),
        });
    }
    const excluded = (column: string) => sql.raw(`excluded.${column}`);
    await insertInChunks(stats, (chunk) =>
      this.db
        .insert(seriesStats)
        .values(chunk)
        .onConflictDoUpdate({
          target: [seriesStats.seriesId, seriesStats.importId],
          set: {
            n: excluded("n"),
            mean: excluded("mean"),
            m2: excluded("m2"),
            logN: excluded("log_n"),
            logMean: excluded("log_mean"),
            logM2: excluded("log_m2"),
          },
        }),
    );
    await this.db
      .insert(importSamples)
      .values({ datasetId, hostId, importId, samples: sampleCount })
      .onConflictDoUpdate({
        target: [importSamples.datasetId, importSamples.hostId, importSamples.importId],
        set: { samples: sql`${importSamples.samples} + excluded.samples` },
      });
    await this.db
      .update(imports)
      .set({ filesImported: sql`${imports.filesImported} + 1`, samples: sql`${imports.samples} + ${sampleCount}` })
      .where(eq(imports.id, importId));
  }
}
