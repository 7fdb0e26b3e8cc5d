import type { CliLabels } from "@/lib/ingest/labels";

/** What `importPaths` takes besides the paths: the CLI's labels and switches. */
export interface ImportOptions extends CliLabels {
  manifest?: string;
  dryRun?: boolean;
  argv?: string[];
  onFile?: (done: number, total: number) => void;
  /** Prepare files on a worker thread ahead of the writer; default: for imports of 3,000 files or more. */
  prepareAhead?: boolean;
}

export interface ImportSummary {
  files: number;
  imported: number;
  skipped: number;
  failed: { file: string; error: string }[];
  samples: number;
  /** Files a manifest marks as not measurements; not counted in `files`. */
  ignored: number;
  importId?: number;
  /** Files prepared by the worker thread ahead of the writer (db/ingest/prepare-ahead.ts), when one ran. */
  preparedAhead?: number;
}
