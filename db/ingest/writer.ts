import { eq } from "drizzle-orm";
import type { FileLabels } from "@/lib/ingest/labels";
import type { FilePlan, PlannedRun } from "@/lib/ingest/plan";
import type { LabelledFile } from "@/lib/ingest/prepare";
import { mergeSeriesMoments, seriesMomentsOf, type SeriesMoments } from "@/lib/overhead/moments";
import { PendingTotals, type FileTotals } from "./pending-totals";
import {
  prepareIngestStatements,
  type IngestStatements,
  type SampleRow,
  type SeriesRow,
  type StatsRow,
  type ExistingSeries,
} from "./statements";
import type { OpenDb } from "../open";
import { datasets, hosts, imports, metrics, runs, workloads } from "../schema";
import { fromStatsColumns, NO_SERIES_MOMENTS, toStatsColumns } from "../stats-columns";
import { CommitGroup, withTransaction } from "./transaction";
import {
  finishedImportColumns,
  knownHostFacts,
  runColumns,
  runtimeColumns,
  sourceFileColumns,
  type FileWriter,
  type ImportCounts,
  type StoredFile,
} from "./file-writer";

/**
 * How long a group of files may wait for its commit (db/ingest/transaction.ts CommitGroup): long
 * enough to share one commit among dozens of small files, short enough that the dashboard
 * shows an import's progress and a crash costs a re-run of a fraction of a second.
 */
const GROUP_COMMIT_MS = 200;

const metricKey = (s: { metric: string; unit: string; direction: string }) =>
  `metric:${s.metric}:${s.unit}:${s.direction}`;
type RuntimeIdentity = { id: string; version?: string | null; variant?: string | null };
/**
 * What a run's repetitions are numbered within, and its series found by (with a metric): its
 * dataset, host, workload and runtime (id, version, variant). Made once per run.
 */
const runGroupKey = (datasetId: number, hostId: number, workloadId: number, r: RuntimeIdentity) =>
  `${datasetId}:${hostId}:${workloadId}:${JSON.stringify([r.id, r.version ?? null, r.variant ?? null])}`;
const seriesCacheKey = (group: string, metricId: number) => `series:${group}:${metricId}`;
/** The key of a series read back from the database. */
const storedSeriesKey = (datasetId: number, hostId: number, s: ExistingSeries) =>
  seriesCacheKey(
    runGroupKey(datasetId, hostId, s.workloadId, { id: s.runtimeId, version: s.version, variant: s.variant }),
    s.metricId,
  );

/**
 * Writes parsed files. Dimension ids (datasets, hosts, workloads...) are cached across
 * files; the cache is dropped whenever a file's transaction rolls back, since ids created
 * inside it no longer exist.
 */
export class IngestWriter implements FileWriter {
  private ids = new Map<string, number>();
  private lastRepetition = new Map<string, number>();
  /** Each series' newest statistics row, as this writer left it (valid while no other connection writes). */
  private latestStats = new Map<number, { importId: number; moments: SeriesMoments }>();
  /** Each dataset's stored file hashes, loaded on first use (re-ingest checks every file). */
  private storedHashes = new Map<number, Set<string>>();
  private readonly pending = new PendingTotals();
  private readonly sql: IngestStatements;
  private readonly group: CommitGroup;

  constructor(private readonly conn: OpenDb) {
    this.sql = prepareIngestStatements(conn.db);
    this.group = new CommitGroup(conn, GROUP_COMMIT_MS, () => this.forgetStored());
    // Checkpointing the WAL every 4 MB (the default) costs an fsync each time and dominated
    // bulk imports; 64 MB between checkpoints keeps the WAL bounded (docs/performance.md).
    conn.client.pragma("wal_autocheckpoint = 16384");
    // Each file is a savepoint, whose statement journal SQLite keeps in a temporary file by
    // default: a file write and read back per file. In memory it is a few pages per file, and
    // bulk imports are faster (docs/performance.md).
    conn.client.pragma("temp_store = MEMORY");
  }

  async startImport(argv: string[]): Promise<number> {
    const [row] = await this.conn.db
      .insert(imports)
      .values({ startedAt: new Date(), argv: JSON.stringify(argv) })
      .returning({ id: imports.id });
    return row!.id;
  }

  async finishImport(id: number, counts: ImportCounts) {
    await this.flush();
    await this.conn.db.update(imports).set(finishedImportColumns(counts)).where(eq(imports.id, id));
  }

  /** True when these bytes are already stored in the file's dataset (re-ingest is a no-op). */
  async isStored(file: Pick<LabelledFile, "sha256" | "labels">): Promise<boolean> {
    // Between groups another process may have stored files: check before trusting the cache.
    if (!this.conn.client.inTransaction) this.group.noticeForeignWrites();
    const datasetId =
      this.ids.get(`dataset:${file.labels.dataset}`) ??
      (await this.sql.datasetId.execute({ name: file.labels.dataset }))[0]?.id;
    if (datasetId === undefined) return false;
    let hashes = this.storedHashes.get(datasetId);
    if (!hashes) {
      hashes = new Set((await this.sql.storedHashes.execute({ datasetId })).map((r) => r.sha256));
      this.storedHashes.set(datasetId, hashes);
    }
    return hashes.has(file.sha256);
  }

  /**
   * Stores one file and its runs atomically (a savepoint in the commit group): all of it or
   * nothing. What it adds to running totals waits, in memory, for the group's commit. Always
   * true: a file another process stored meanwhile fails on source_files' unique index instead.
   */
  async write(importId: number, file: StoredFile, plan: FilePlan): Promise<boolean> {
    this.group.enter();
    let totals: FileTotals;
    try {
      totals = await withTransaction(this.conn, () => this.writeUnsafe(importId, file, plan));
    } catch (e) {
      // Ids and statistics cached during the rolled-back file may name rows that no longer exist.
      this.forgetStored();
      throw e;
    }
    this.pending.add(totals);
    this.storedHashes.get(totals.datasetId)?.add(file.sha256);
    if (this.group.due()) await this.flush();
    return true;
  }

  /**
   * Writes the totals the open group's files wait on, then commits the group. If the totals
   * cannot be written the whole group is dropped, since its files would be counted wrong.
   */
  async flush(): Promise<void> {
    try {
      await this.writeTotals();
    } catch (e) {
      this.pending.clear();
      this.group.rollback();
      this.forgetStored();
      throw new GroupCommitFailed(e);
    }
    this.group.commit();
  }

  private async writeTotals() {
    for (const [importId, totals] of this.pending.take()) {
      const stats: StatsRow[] = [];
      for (const [seriesId, delta] of totals.series)
        stats.push(...(await this.extendSeriesStats(seriesId, importId, delta)));
      await this.sql.upsertStats(stats);
      for (const host of totals.samplesByHost.values()) await this.sql.addImportSamples.execute({ ...host, importId });
      // Counted in the files' own group: an import killed half-way still lists what it stored
      // (listImports shows imports with files, and "Copy link" pins the newest of them).
      await this.sql.countFiles.execute({ importId, files: totals.files, samples: totals.samples });
    }
  }

  private forgetStored() {
    this.ids.clear();
    this.lastRepetition.clear();
    this.latestStats.clear();
    this.storedHashes.clear();
  }

  private async writeUnsafe(importId: number, file: StoredFile, plan: FilePlan): Promise<FileTotals> {
    const datasetId = await this.upsertDataset(file.labels.dataset);
    const hostId = await this.upsertHost(file.labels.host);
    await this.loadHost(datasetId, hostId);
    const [source] = await this.sql.insertSourceFile.execute(sourceFileColumns(importId, datasetId, file, plan));
    const bases = new Map<string, number>();
    const rows: SampleRow[] = [];
    /** Each row's series key: its id is known once the file's new series are stored. */
    const rowSeries: string[] = [];
    const newSeries = new Map<string, SeriesRow>();
    for (const run of plan.runs) {
      await this.upsertRuntime(run);
      const workloadId = await this.upsertWorkload(plan.parser.id, run);
      const group = runGroupKey(datasetId, hostId, workloadId, run.runtime);
      const repetition = this.nextRepetition(group, run, bases);
      const runtime = runtimeColumns(run);
      const [stored] = await this.sql.insertRun.execute({
        ...runColumns(plan, run, { sourceFileId: source!.id, datasetId, hostId, workloadId, repetition }),
        startedAt: plan.startedAt ? runs.startedAt.mapToDriverValue(plan.startedAt) : null,
      });
      for (const s of run.samples) {
        // Known ids without an await: two awaits per sample cost a measurable share of an import's
        // CPU time (docs/performance.md).
        const metricId = this.ids.get(metricKey(s)) ?? (await this.upsertMetric(s));
        const key = seriesCacheKey(group, metricId);
        if (!this.ids.has(key) && !newSeries.has(key))
          newSeries.set(key, { datasetId, hostId, ...runtime, workloadId, metricId });
        rows.push({ runId: stored!.id, metricId, seriesId: 0, value: s.value });
        rowSeries.push(key);
      }
    }
    if (newSeries.size > 0) await this.createSeries(datasetId, hostId, newSeries);
    const added = new Map<number, number[]>();
    rows.forEach((row, k) => {
      row.seriesId = this.ids.get(rowSeries[k]!)!;
      (added.get(row.seriesId) ?? added.set(row.seriesId, []).get(row.seriesId)!).push(row.value);
    });
    await this.sql.insertSamples(rows);
    const series = new Map([...added].map(([seriesId, values]) => [seriesId, seriesMomentsOf(values)]));
    return { importId, datasetId, hostId, samples: plan.sampleCount, series };
  }

  /**
   * The statistics rows that fold a commit group's samples of one series (db/ingest/pending-totals.ts)
   * in as of their import: the newest row at or before it, extended (or a new row for this
   * import), and every later row (a concurrent import that committed first) too, since each row
   * covers all imports up to its own.
   */
  private async extendSeriesStats(seriesId: number, importId: number, delta: SeriesMoments): Promise<StatsRow[]> {
    const known = this.latestStats.get(seriesId);
    const rows =
      known && known.importId <= importId
        ? [known]
        : (await this.sql.statsFrom.execute({ seriesId, importId })).map((r) => ({
            importId: r.importId,
            moments: fromStatsColumns(r),
          }));
    const base = rows[0] && rows[0].importId <= importId ? rows[0].moments : NO_SERIES_MOMENTS;
    const extended = [
      { importId, moments: mergeSeriesMoments(base, delta) },
      ...rows
        .filter((r) => r.importId > importId)
        .map((r) => ({ importId: r.importId, moments: mergeSeriesMoments(r.moments, delta) })),
    ];
    this.latestStats.set(seriesId, extended.at(-1)!);
    return extended.map((r) => ({ seriesId, importId: r.importId, ...toStatsColumns(r.moments) }));
  }

  /**
   * Reads a (dataset, host)'s series ids and last repetitions into the caches, once per writer
   * and pair: one query each instead of one per new series and per new run group. The caches
   * are then complete for the pair, so a key missing from them is not stored. (Another
   * process's commit clears them all: forgetStored.)
   */
  private async loadHost(datasetId: number, hostId: number) {
    const loaded = `loaded:${datasetId}:${hostId}`;
    if (this.ids.has(loaded)) return;
    for (const s of await this.sql.seriesOfHost.execute({ datasetId, hostId }))
      this.ids.set(storedSeriesKey(datasetId, hostId, s), s.id);
    for (const r of await this.sql.lastRepetitions.execute({ datasetId, hostId }))
      this.lastRepetition.set(
        runGroupKey(datasetId, hostId, r.workloadId, { id: r.runtimeId, version: r.version, variant: r.variant }),
        r.last ?? 0,
      );
    this.ids.set(loaded, 1);
  }

  /**
   * A file's series not stored yet (loadHost read the stored ones), inserted together inside the
   * file's transaction: one statement instead of one per series (docs/performance.md). Each is
   * found again by its identity, as loadHost finds stored ones.
   */
  private async createSeries(datasetId: number, hostId: number, wanted: Map<string, SeriesRow>) {
    for (const created of await this.sql.insertSeries([...wanted.values()])) {
      this.ids.set(storedSeriesKey(datasetId, hostId, created), created.id);
      this.latestStats.set(created.id, { importId: 0, moments: NO_SERIES_MOMENTS }); // new: no statistics yet
    }
    for (const key of wanted.keys())
      if (!this.ids.has(key)) throw new Error(`series ${key} was inserted but not returned`);
  }

  private async cached(key: string, create: () => Promise<number>): Promise<number> {
    const hit = this.ids.get(key);
    if (hit !== undefined) return hit;
    const id = await create();
    this.ids.set(key, id);
    return id;
  }

  private upsertDataset(name: string) {
    return this.cached(`dataset:${name}`, async () => {
      await this.conn.db.insert(datasets).values({ name }).onConflictDoNothing();
      return (await this.sql.datasetId.execute({ name }))[0]!.id;
    });
  }

  private upsertHost(host: FileLabels["host"]) {
    return this.cached(`host:${host.name}`, async () => {
      const known = knownHostFacts(host);
      const insert = this.conn.db.insert(hosts).values({ name: host.name, ...known });
      // Facts captured later fill in a host first seen without them.
      await (Object.keys(known).length > 0
        ? insert.onConflictDoUpdate({ target: hosts.name, set: known })
        : insert.onConflictDoNothing());
      return (await this.sql.hostId.execute({ name: host.name }))[0]!.id;
    });
  }

  private async upsertRuntime(run: PlannedRun) {
    const key = `runtime:${run.runtime.id}`;
    if (this.ids.has(key)) return;
    await this.sql.insertRuntime.execute({ id: run.runtime.id, known: run.runtime.known });
    this.ids.set(key, 1);
  }

  private upsertWorkload(tool: FilePlan["parser"]["id"], run: PlannedRun) {
    const { name, category, params } = run.workload;
    return this.cached(`workload:${tool}:${name}`, async () => {
      await this.conn.db
        .insert(workloads)
        .values({ tool, name, category, paramsJson: JSON.stringify(params) })
        .onConflictDoNothing();
      return (await this.sql.workloadId.execute({ tool, name }))[0]!.id;
    });
  }

  private upsertMetric(s: PlannedRun["samples"][number]) {
    return this.cached(metricKey(s), async () => {
      await this.conn.db
        .insert(metrics)
        .values({ name: s.metric, unit: s.unit, direction: s.direction })
        .onConflictDoNothing();
      const [row] = await this.sql.metric.execute({ name: s.metric, unit: s.unit });
      if (row!.direction !== s.direction)
        throw new Error(
          `metric ${s.metric} (${s.unit}) is stored as ${row!.direction} is better, this file says ${s.direction}`,
        );
      return row!.id;
    });
  }

  /**
   * Repetitions continue across files with the same (dataset, host, runtime, version,
   * variant, workload): a file's runs get the next free number plus their offset in the file.
   */
  private nextRepetition(group: string, run: PlannedRun, bases: Map<string, number>) {
    let base = bases.get(group);
    if (base === undefined) {
      base = (this.lastRepetition.get(group) ?? 0) + 1;
      bases.set(group, base);
    }
    const repetition = base + run.repetition;
    this.lastRepetition.set(group, Math.max(repetition, this.lastRepetition.get(group) ?? 0));
    return repetition;
  }
}

/** The totals of a commit group could not be written; its files were rolled back with them. */
export class GroupCommitFailed extends Error {
  constructor(cause: unknown) {
    super(
      `could not write the totals of the last files, so they were rolled back (re-run the import): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}
