import { and, eq, gte, lte, max, sql, type SQL } from "drizzle-orm";
import type { Db } from "../open";
import { STATS_SELECTION, type StatsColumns } from "../stats-columns";
import {
  datasets,
  hosts,
  importSamples,
  imports,
  metrics,
  runs,
  runtimes,
  samples,
  series,
  seriesStats,
  sourceFiles,
  workloads,
} from "../schema";

const p = sql.placeholder;
/**
 * A placeholder bound as raw SQL rather than as a column value: drizzle wraps a column value in
 * a parameter with the column's encoder, and checks each wrapped one's class by walking its
 * prototype chain on every execution (see rowsWriter). Only for values that need no encoding on
 * either dialect: numbers, text and bytes.
 */
const raw = (name: string) => sql`${p(name)}`;

/**
 * Every statement ingest runs per file, built and prepared once per connection: building a
 * drizzle query costs far more than executing a prepared one (docs/performance.md), and a file
 * runs dozens of them. Still awaited query builders, so the writer stays portable to PostgreSQL
 * (docs/decisions/001-sqlite-with-portable-queries.md).
 */
export function prepareIngestStatements(db: Db) {
  return {
    /** Every file hash stored in a dataset: loaded once, then kept in memory by the writer. */
    storedHashes: db
      .select({ sha256: sourceFiles.sha256 })
      .from(sourceFiles)
      .where(eq(sourceFiles.datasetId, p("datasetId")))
      .prepare(),
    insertSourceFile: db
      .insert(sourceFiles)
      .values({
        importId: raw("importId"),
        datasetId: raw("datasetId"),
        path: raw("path"),
        sha256: raw("sha256"),
        sizeBytes: raw("sizeBytes"),
        parserId: raw("parserId"),
        parserVersion: raw("parserVersion"),
        sampleCount: raw("sampleCount"),
        contentDeflate: raw("contentDeflate"),
      })
      .returning({ id: sourceFiles.id })
      .prepare(),
    insertRun: db
      .insert(runs)
      .values({
        sourceFileId: raw("sourceFileId"),
        datasetId: raw("datasetId"),
        hostId: raw("hostId"),
        runtimeId: raw("runtimeId"),
        runtimeLabel: raw("runtimeLabel"),
        runtimeVersion: raw("runtimeVersion"),
        runtimeVariant: raw("runtimeVariant"),
        workloadId: raw("workloadId"),
        repetition: raw("repetition"),
        tool: raw("tool"),
        toolVersion: raw("toolVersion"),
        command: raw("command"),
        // Raw, also because drizzle's timestamp encoder throws on null. Callers encode with the
        // column's own mapToDriverValue (db/ingest/writer.ts), so this stays right on every dialect.
        startedAt: raw("startedAt"),
      })
      .returning({ id: runs.id })
      .prepare(),
    insertSamples: rowsWriter<SampleRow>(["runId", "metricId", "seriesId", "value"], (rows) =>
      db.insert(samples).values(rows).prepare(),
    ),
    /** Every series of a (dataset, host): read once when the writer first meets the pair. */
    seriesOfHost: db
      .select(SERIES_IDENTITY)
      .from(series)
      .where(and(eq(series.datasetId, p("datasetId")), eq(series.hostId, p("hostId"))))
      .prepare(),
    /**
     * A file's new series, together. Each comes back with its identity, not just its id: the
     * order of RETURNING's rows is guaranteed by neither SQLite (its documentation says they come in
     * an arbitrary order) nor PostgreSQL.
     */
    insertSeries: rowsWriter<SeriesRow, ExistingSeries>(
      ["datasetId", "hostId", "runtimeId", "runtimeVersion", "runtimeVariant", "workloadId", "metricId"],
      (rows) => db.insert(series).values(rows).returning(SERIES_IDENTITY).prepare(),
    ),
    /**
     * A series' statistics rows from the newest one at or before this import on: the one to
     * extend, plus any written meanwhile by a concurrent later import, which must include this
     * file too (rows are cumulative).
     */
    statsFrom: db
      .select({ importId: seriesStats.importId, ...STATS_SELECTION })
      .from(seriesStats)
      .where(
        and(
          eq(seriesStats.seriesId, p("seriesId")),
          gte(
            seriesStats.importId,
            sql`coalesce((${db
              .select({ last: max(seriesStats.importId) })
              .from(seriesStats)
              .where(and(eq(seriesStats.seriesId, p("seriesId")), lte(seriesStats.importId, p("importId"))))}), 0)`,
          ),
        ),
      )
      .orderBy(seriesStats.importId)
      .prepare(),
    /** Statistics rows, new or replacing (a series' row for an import is rewritten as the import's files arrive). */
    upsertStats: rowsWriter<StatsRow>(["seriesId", "importId", "n", "mean", "m2", "logN", "logMean", "logM2"], (rows) =>
      db
        .insert(seriesStats)
        .values(rows)
        .onConflictDoUpdate({
          target: [seriesStats.seriesId, seriesStats.importId],
          set: {
            n: sql`excluded.n`,
            mean: sql`excluded.mean`,
            m2: sql`excluded.m2`,
            logN: sql`excluded.log_n`,
            logMean: sql`excluded.log_mean`,
            logM2: sql`excluded.log_m2`,
          },
        })
        .prepare(),
    ),
    addImportSamples: db
      .insert(importSamples)
      .values({ datasetId: p("datasetId"), hostId: p("hostId"), importId: p("importId"), samples: p("samples") })
      .onConflictDoUpdate({
        target: [importSamples.datasetId, importSamples.hostId, importSamples.importId],
        set: { samples: sql`${importSamples.samples} + excluded.samples` },
      })
      .prepare(),
    countFiles: db
      .update(imports)
      .set({
        filesImported: sql`${imports.filesImported} + ${p("files")}`,
        samples: sql`${imports.samples} + ${p("samples")}`,
      })
      .where(eq(imports.id, p("importId")))
      .prepare(),
    /** The last repetition of each (workload, runtime, version, variant) of a (dataset, host), read with its series. */
    lastRepetitions: db
      .select({
        last: max(runs.repetition),
        workloadId: runs.workloadId,
        runtimeId: runs.runtimeId,
        version: runs.runtimeVersion,
        variant: runs.runtimeVariant,
      })
      .from(runs)
      .where(and(eq(runs.datasetId, p("datasetId")), eq(runs.hostId, p("hostId"))))
      .groupBy(runs.workloadId, runs.runtimeId, runs.runtimeVersion, runs.runtimeVariant)
      .prepare(),
    datasetId: db
      .select({ id: datasets.id })
      .from(datasets)
      .where(eq(datasets.name, p("name")))
      .prepare(),
    hostId: db
      .select({ id: hosts.id })
      .from(hosts)
      .where(eq(hosts.name, p("name")))
      .prepare(),
    workloadId: db
      .select({ id: workloads.id })
      .from(workloads)
      .where(and(eq(workloads.tool, p("tool")), eq(workloads.name, p("name"))))
      .prepare(),
    metric: db
      .select({ id: metrics.id, direction: metrics.direction })
      .from(metrics)
      .where(and(eq(metrics.name, p("name")), eq(metrics.unit, p("unit"))))
      .prepare(),
    insertRuntime: db
      .insert(runtimes)
      .values({ id: p("id"), known: p("known") })
      .onConflictDoNothing()
      .prepare(),
  };
}

export type IngestStatements = ReturnType<typeof prepareIngestStatements>;

/** A series as the writer finds it again: its id and what identifies it within its (dataset, host). */
const SERIES_IDENTITY = {
  id: series.id,
  workloadId: series.workloadId,
  metricId: series.metricId,
  runtimeId: series.runtimeId,
  version: series.runtimeVersion,
  variant: series.runtimeVariant,
};
export type ExistingSeries = {
  id: number;
  workloadId: number;
  metricId: number;
  runtimeId: string;
  version: string | null;
  variant: string | null;
};

export interface SeriesRow {
  datasetId: number;
  hostId: number;
  runtimeId: string;
  runtimeVersion: string | null;
  runtimeVariant: string | null;
  workloadId: number;
  metricId: number;
}

export interface SampleRow {
  runId: number;
  metricId: number;
  seriesId: number;
  value: number;
}

export type StatsRow = { seriesId: number; importId: number } & StatsColumns;

/** Most rows per multi-row INSERT: 512 parameters at most, far under SQLite's 32,766 and PostgreSQL's 65,535. */
export const ROWS_PER_INSERT = 64;

/**
 * Writes rows with one multi-row INSERT per ROWS_PER_INSERT rows instead of one per row: the
 * ORM's per-statement work and SQLite's per-statement setup then come once per batch (a file's
 * samples, a commit group's statistics), and those are most of the rows an import writes.
 * `build` makes the statement for placeholder rows; it is prepared once per row count.
 *
 * The placeholders go in raw (`raw`): drizzle walks each column-wrapped parameter's prototype
 * chain on every execution (docs/performance.md). Every column written here is a number or text. Resolves to the rows
 * of the statements' RETURNING clause, when they have one (typed `Returned` by the caller).
 */
function rowsWriter<Row extends object, Returned = never>(
  keys: readonly (keyof Row & string)[],
  build: (rows: Record<keyof Row, SQL>[]) => { execute(values: Record<string, unknown>): PromiseLike<unknown> },
) {
  const names = Array.from({ length: ROWS_PER_INSERT }, (_, i) => keys.map((k) => `${k}${i}`));
  const byCount = new Map<number, ReturnType<typeof build>>();
  const prepareFor = (count: number) =>
    build(
      names
        .slice(0, count)
        .map((n) => Object.fromEntries(keys.map((k, j) => [k, raw(n[j]!)])) as Record<keyof Row, SQL>),
    );
  const statementFor = (count: number) => byCount.get(count) ?? byCount.set(count, prepareFor(count)).get(count)!;
  return async (rows: readonly Row[]): Promise<Returned[]> => {
    const returned: Returned[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const count = Math.min(ROWS_PER_INSERT, rows.length - start);
      const values: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) {
        const row = rows[start + i]!;
        const n = names[i]!;
        for (let j = 0; j < keys.length; j++) values[n[j]!] = row[keys[j]!];
      }
      const result = await statementFor(count).execute(values);
      if (Array.isArray(result)) returned.push(...(result as Returned[]));
    }
    return returned;
  };
}
