import type { FilePlan } from "@/lib/ingest/plan";
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
