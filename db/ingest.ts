import { and, eq, isNull, max, sql, type SQL } from "drizzle-orm";
import type { FileLabels } from "@/lib/ingest/labels";
import type { FilePlan, PlannedRun } from "@/lib/ingest/plan";
import { packContent } from "./content";
import type { OpenDb } from "./open";
import { datasets, hosts, imports, metrics, runs, runtimes, samples, sourceFiles, workloads } from "./schema";
import { withTransaction } from "./transaction";

const metricKey = (s: { metric: string; unit: string; direction: string }) => `metric:${s.metric}:${s.unit}:${s.direction}`;

/** Keeps multi-row inserts under SQLite's bound-parameter limit. */
const RUN_CHUNK = 500;
const SAMPLE_CHUNK = 5000;

export interface StoredFile {
  path: string;
  bytes: Buffer;
  sha256: string;
  labels: FileLabels;
}

/**
 * Writes parsed files. Dimension ids (datasets, hosts, workloads...) are cached across
 * files; the cache is dropped whenever a file's transaction rolls back, since ids created
 * inside it no longer exist.
 */
export class IngestWriter {
  private ids = new Map<string, number>();
  private lastRepetition = new Map<string, number>();

  constructor(private readonly conn: OpenDb) {
    // Checkpointing the WAL every 4 MB (the default) costs an fsync each time and dominated
    // bulk imports; 64 MB between checkpoints keeps the WAL bounded and cut ingest time by a quarter.
    conn.client.pragma("wal_autocheckpoint = 16384");
  }

  async startImport(argv: string[]): Promise<number> {
    const [row] = await this.conn.db.insert(imports).values({ startedAt: new Date(), argv: JSON.stringify(argv) }).returning({ id: imports.id });
    return row!.id;
  }

  async finishImport(id: number, counts: { total: number; imported: number; skipped: number; failed: number; samples: number }) {
    await this.conn.db
      .update(imports)
      .set({
        finishedAt: new Date(),
        filesTotal: counts.total,
        filesImported: counts.imported,
        filesSkipped: counts.skipped,
        filesFailed: counts.failed,
        samples: counts.samples,
      })
      .where(eq(imports.id, id));
  }

  /** True when these bytes are already stored in the file's dataset (re-ingest is a no-op). */
  async isStored(file: Pick<StoredFile, "sha256" | "labels">): Promise<boolean> {
    const datasetId = this.ids.get(`dataset:${file.labels.dataset}`) ?? (await this.findId(datasets, eq(datasets.name, file.labels.dataset)));
    if (datasetId === undefined) return false;
    const rows = await this.conn.db
      .select({ id: sourceFiles.id })
      .from(sourceFiles)
      .where(and(eq(sourceFiles.datasetId, datasetId), eq(sourceFiles.sha256, file.sha256)))
      .limit(1);
    return rows.length > 0;
  }

  /** Stores one file and its runs in one transaction: all of it or nothing. */
  async write(importId: number, file: StoredFile, plan: FilePlan): Promise<void> {
    try {
      await withTransaction(this.conn, () => this.writeUnsafe(importId, file, plan));
    } catch (e) {
      this.ids.clear();
      this.lastRepetition.clear();
      throw e;
    }
  }

  private async writeUnsafe(importId: number, file: StoredFile, plan: FilePlan) {
    const db = this.conn.db;
    const datasetId = await this.upsertDataset(file.labels.dataset);
    const hostId = await this.upsertHost(file.labels.host);
    const [source] = await db
      .insert(sourceFiles)
      .values({
        importId,
        datasetId,
        path: file.path,
        sha256: file.sha256,
        sizeBytes: file.bytes.length,
        parserId: plan.parser.id,
        parserVersion: plan.parser.version,
        sampleCount: plan.sampleCount,
        contentDeflate: packContent(file.bytes),
      })
      .returning({ id: sourceFiles.id });
    const runRows = [];
    const bases = new Map<string, number>();
    for (const run of plan.runs) {
      await this.upsertRuntime(run);
      const workloadId = await this.upsertWorkload(plan.parser.id, run);
      const repetition = await this.nextRepetition(datasetId, hostId, workloadId, run, bases);
      runRows.push({
        sourceFileId: source!.id,
        datasetId,
        hostId,
        runtimeId: run.runtime.id,
        runtimeLabel: run.runtimeLabel,
        runtimeVersion: run.runtime.version ?? null,
        runtimeVariant: run.runtime.variant ?? null,
        workloadId,
        repetition,
        tool: plan.parser.id,
        toolVersion: plan.toolVersion ?? null,
        command: plan.command ?? null,
        startedAt: plan.startedAt ?? null,
      });
    }
    const runIds: number[] = [];
    for (let i = 0; i < runRows.length; i += RUN_CHUNK) {
      const inserted = await db.insert(runs).values(runRows.slice(i, i + RUN_CHUNK)).returning({ id: runs.id });
      runIds.push(...inserted.map((r) => r.id));
    }
    const sampleRows = [];
    for (const [i, run] of plan.runs.entries())
      for (const s of run.samples) {
        const metricId = this.ids.get(metricKey(s)) ?? (await this.upsertMetric(s));
        sampleRows.push({ runId: runIds[i]!, metricId, value: s.value });
      }
    for (let i = 0; i < sampleRows.length; i += SAMPLE_CHUNK) await db.insert(samples).values(sampleRows.slice(i, i + SAMPLE_CHUNK));
    // Counted with the file, in its transaction: an import killed half-way still lists what it
    // stored (listImports shows imports with files, and "Copy link" pins the newest of them).
    await db
      .update(imports)
      .set({ filesImported: sql`${imports.filesImported} + 1`, samples: sql`${imports.samples} + ${sampleRows.length}` })
      .where(eq(imports.id, importId));
  }

  private async cached(key: string, create: () => Promise<number>): Promise<number> {
    const hit = this.ids.get(key);
    if (hit !== undefined) return hit;
    const id = await create();
    this.ids.set(key, id);
    return id;
  }

  private async findId(table: typeof datasets | typeof hosts | typeof workloads, where: SQL | undefined): Promise<number | undefined> {
    const rows = await this.conn.db.select({ id: table.id }).from(table).where(where).limit(1);
    return rows[0]?.id;
  }

  private upsertDataset(name: string) {
    return this.cached(`dataset:${name}`, async () => {
      await this.conn.db.insert(datasets).values({ name }).onConflictDoNothing();
      return (await this.findId(datasets, eq(datasets.name, name)))!;
    });
  }

  private upsertHost(host: FileLabels["host"]) {
    return this.cached(`host:${host.name}`, async () => {
      const facts = { kernel: host.kernel, cpuModel: host.cpuModel, cpuCount: host.cpuCount, memoryBytes: host.memoryBytes, os: host.os };
      const known = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
      const insert = this.conn.db.insert(hosts).values({ name: host.name, ...known });
      // Facts captured later fill in a host first seen without them.
      await (Object.keys(known).length > 0 ? insert.onConflictDoUpdate({ target: hosts.name, set: known }) : insert.onConflictDoNothing());
      return (await this.findId(hosts, eq(hosts.name, host.name)))!;
    });
  }

  private async upsertRuntime(run: PlannedRun) {
    const key = `runtime:${run.runtime.id}`;
    if (this.ids.has(key)) return;
    await this.conn.db.insert(runtimes).values({ id: run.runtime.id, known: run.runtime.known }).onConflictDoNothing();
    this.ids.set(key, 1);
  }

  private upsertWorkload(tool: FilePlan["parser"]["id"], run: PlannedRun) {
    const { name, category, params } = run.workload;
    return this.cached(`workload:${tool}:${name}`, async () => {
      await this.conn.db.insert(workloads).values({ tool, name, category, paramsJson: JSON.stringify(params) }).onConflictDoNothing();
      return (await this.findId(workloads, and(eq(workloads.tool, tool), eq(workloads.name, name))))!;
    });
  }

  private upsertMetric(s: PlannedRun["samples"][number]) {
    return this.cached(metricKey(s), async () => {
      await this.conn.db.insert(metrics).values({ name: s.metric, unit: s.unit, direction: s.direction }).onConflictDoNothing();
      const [row] = await this.conn.db
        .select({ id: metrics.id, direction: metrics.direction })
        .from(metrics)
        .where(and(eq(metrics.name, s.metric), eq(metrics.unit, s.unit)));
      if (row!.direction !== s.direction)
        throw new Error(`metric ${s.metric} (${s.unit}) is stored as ${row!.direction} is better, this file says ${s.direction}`);
      return row!.id;
    });
  }

  /**
   * Repetitions continue across files with the same (dataset, host, runtime, version,
   * variant, workload): a file's runs get the next free number plus their offset in the file.
   */
  private async nextRepetition(datasetId: number, hostId: number, workloadId: number, run: PlannedRun, bases: Map<string, number>) {
    const { id, version, variant } = run.runtime;
    const key = JSON.stringify([datasetId, hostId, workloadId, id, version ?? null, variant ?? null]);
    let base = bases.get(key);
    if (base === undefined) {
      base = (this.lastRepetition.get(key) ?? (await this.storedLastRepetition(datasetId, hostId, workloadId, run))) + 1;
      bases.set(key, base);
    }
    const repetition = base + run.repetition;
    this.lastRepetition.set(key, Math.max(repetition, this.lastRepetition.get(key) ?? 0));
    return repetition;
  }

  private async storedLastRepetition(datasetId: number, hostId: number, workloadId: number, run: PlannedRun): Promise<number> {
    const { id, version, variant } = run.runtime;
    const [row] = await this.conn.db
      .select({ last: max(runs.repetition) })
      .from(runs)
      .where(
        and(
          eq(runs.datasetId, datasetId),
          eq(runs.hostId, hostId),
          eq(runs.workloadId, workloadId),
          eq(runs.runtimeId, id),
          version === undefined ? isNull(runs.runtimeVersion) : eq(runs.runtimeVersion, version),
          variant === undefined ? isNull(runs.runtimeVariant) : eq(runs.runtimeVariant, variant),
        ),
      );
    return row?.last ?? 0;
  }
}
