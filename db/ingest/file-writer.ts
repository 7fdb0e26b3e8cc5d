import type { FileLabels } from "@/lib/ingest/labels";
import type { FilePlan, PlannedRun } from "@/lib/ingest/plan";
import type { LabelledFile } from "@/lib/ingest/prepare";

/** A file to store: what it is, and its bytes deflated (db/content.ts packContent). */
export type StoredFile = LabelledFile & { packed: Buffer };

/** What an import counts when it finishes. */
export interface ImportCounts {
  total: number;
  imported: number;
  skipped: number;
  failed: number;
  samples: number;
}

/** The columns `imports` gets when an import finishes, on either engine. */
export function finishedImportColumns(counts: ImportCounts) {
  return {
    finishedAt: new Date(),
    filesTotal: counts.total,
    filesImported: counts.imported,
    filesSkipped: counts.skipped,
    filesFailed: counts.failed,
    samples: counts.samples,
  };
}

/** A stored file's row in `source_files`, on either engine. */
export function sourceFileColumns(importId: number, datasetId: number, file: StoredFile, plan: FilePlan) {
  return {
    importId,
    datasetId,
    path: file.path,
    sha256: file.sha256,
    sizeBytes: file.sizeBytes,
    parserId: plan.parser.id,
    parserVersion: plan.parser.version,
    sampleCount: plan.sampleCount,
    contentDeflate: file.packed,
  };
}

/** The runtime columns a run and its series are keyed by. */
export function runtimeColumns(run: PlannedRun) {
  return {
    runtimeId: run.runtime.id,
    runtimeVersion: run.runtime.version ?? null,
    runtimeVariant: run.runtime.variant ?? null,
  };
}

/** A run's row in `runs`, on either engine; `startedAt` is left to each engine to encode. */
export function runColumns(
  plan: FilePlan,
  run: PlannedRun,
  at: { sourceFileId: number; datasetId: number; hostId: number; workloadId: number; repetition: number },
) {
  return {
    ...at,
    ...runtimeColumns(run),
    runtimeLabel: run.runtimeLabel,
    tool: plan.parser.id,
    toolVersion: plan.toolVersion ?? null,
    command: plan.command ?? null,
  };
}

/**
 * The facts a file's manifest gives about its host, without the ones it leaves out: a host first
 * seen without facts gets them filled in later, and facts are never blanked.
 */
export function knownHostFacts(host: FileLabels["host"]) {
  const facts = {
    kernel: host.kernel,
    cpuModel: host.cpuModel,
    cpuCount: host.cpuCount,
    memoryBytes: host.memoryBytes,
    os: host.os,
    virtualization: host.virtualization,
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as Partial<typeof facts>;
}

/**
 * Where an import stores its files, one engine each: SQLite's synchronous group-committing
 * writer (db/ingest/writer.ts) and PostgreSQL's (db/ingest/pg/writer.ts), both driven by the
 * same loop (db/ingest/import-files.ts).
 */
export interface FileWriter {
  startImport(argv: string[]): Promise<number>;
  /** True when these bytes are already stored in the file's dataset (re-ingest is a no-op). */
  isStored(file: Pick<LabelledFile, "sha256" | "labels">): Promise<boolean>;
  /**
   * Stores one file atomically: all of it or nothing. False when another importer stored the
   * same bytes in the same dataset since isStored said no: the file is then skipped.
   */
  write(importId: number, file: StoredFile, plan: FilePlan): Promise<boolean>;
  finishImport(importId: number, counts: ImportCounts): Promise<void>;
}
