import type { CliLabels } from "@/lib/ingest/labels";
import type { PassOverKind } from "@/lib/ingest/not-measurement";

/** What `importPaths` takes besides the paths: the CLI's labels and switches. */
export interface ImportOptions extends CliLabels {
  manifest?: string;
  /** Search for the nearest manifest no higher than this folder (uploads: their temp folder). */
  manifestsWithin?: string;
  dryRun?: boolean;
  argv?: string[];
  onFile?: (done: number, total: number) => void;
  /** Prepare files on a worker thread ahead of the writer; default: for imports of 3,000 files or more. */
  prepareAhead?: boolean;
  /** Empty files fail instead of being passed over with a warning. */
  strict?: boolean;
  /** Failures carry their long form (for an unrecognised file, what each parser expects). */
  verbose?: boolean;
}

export interface ImportSummary {
  files: number;
  imported: number;
  skipped: number;
  failed: { file: string; error: string }[];
  samples: number;
  /** Files a manifest marks as not measurements, and documentation (README, LICENSE); not counted in `files`. */
  ignored: number;
  /** Manifests (hvscope.yaml) in the folders imported: read for their labels; not counted in `files`. */
  manifests: number;
  /** Files that are no benchmark output (binary, empty): counted in `files`, neither imported nor failed. */
  passedOver: { file: string; reason: string; kind: PassOverKind }[];
  /**
   * Runtime names of the files imported that name no known runtime, as stored (kept as written
   * and flagged, README "Labels"): a manifest alias maps such a name to a known runtime.
   */
  unknownRuntimes: string[];
  importId?: number;
  /** Files prepared by the worker thread ahead of the writer (db/ingest/prepare-ahead.ts), when one ran. */
  preparedAhead?: number;
}
