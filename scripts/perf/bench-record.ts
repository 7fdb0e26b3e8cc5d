import { readFileSync } from "node:fs";
import type { LoadResult } from "./load";

/** One server as bench:perf measured it (section b or e); times in ms, memory in bytes. */
export interface ServerFigures {
  first: number;
  firstSinceSpawn: number;
  settledAfter: number;
  /** The read-ahead's own report (db/queries/warm-summaries.ts), when the server printed one. */
  summariesReady: { hosts: number; ms: number } | null;
  /** Once settled, before any load: what the server holds after start and its read-ahead. */
  rssAfterStartBytes: number | null;
  rssAfterLoadBytes: number | null;
  /** Median of the first 5 requests after the server settled, one at a time, through Node's fetch. */
  single: number;
  /** One connection, one request at a time, asking for gzip (decision 020); absent in older records. */
  alone?: LoadResult;
  load: LoadResult & { runs: readonly LoadResult[] };
  /** The median run of the permalinks in turn; `runs` (every run) is absent in records from before it had several. */
  inTurn: (LoadResult & { runs?: readonly LoadResult[] }) | null;
}

export interface TargetResult {
  section: string;
  name: string;
  measured: string;
  met: boolean;
}

/**
 * bench:perf's machine-readable result (`--json FILE`): every measured figure by section, each
 * section's printed block as printed, and every target with its verdict. JSON has no Infinity:
 * a figure that never came (no answer within the timeout) is null.
 */
export interface BenchRecord {
  kind: "hvscope bench:perf";
  version: 1;
  startedAt: string;
  node: string;
  cpus: number;
  loadAverage: { start: number[]; end: number[] };
  options: Record<string, string>;
  database: {
    /** Absent in records from before bench:perf ran on PostgreSQL: those are SQLite. */
    engine?: "sqlite" | "postgres";
    /** The SQLite file, or the PostgreSQL URL without its password. */
    path: string;
    samples: number;
    datasets: number;
    /** Distinct (dataset, host) pairs: one host summary each. */
    hosts: number;
    runs: number;
    series: number;
    /** SQLite: the file (page count × page size), without its write-ahead log; PostgreSQL: pg_database_size. */
    bytes: number;
  };
  /** bench:perf's own wall time, from start to its verdict. */
  runtimeSeconds: number;
  exitStatus: number;
  /** Why the run stopped before its verdict, when it did: the figures are those measured until then. */
  error?: string;
  sections: {
    a?: {
      files: number;
      samples: number;
      realSeconds: number;
      limitSeconds: number;
      /** Median of the pairs' real files/s over limit files/s. */
      ratio: number;
      pairs: unknown[];
    };
    b?: {
      path: string;
      rows: number;
      agree: boolean;
      views: number;
      cacheOn: ServerFigures;
      cacheOff: ServerFigures;
      minimal: ServerFigures;
    };
    c?: { routes: { route: string; chunks: number; rawBytes: number; gzipBytes: number }[] };
    d?: { lcpMs: number; runtimeToggleMs: number; viewSwitchMs: number; raw: unknown };
    e?: { rows: number; agree: boolean; cacheOn: ServerFigures; cacheOff: ServerFigures };
  };
  printed: Record<string, string>;
  targets: TargetResult[];
  stricter: TargetResult[];
}

/** Reads a `--json` result, with an error naming the file and field when it is not one. */
export function readBenchRecord(path: string): BenchRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`${path}: not a bench:perf JSON result (${e instanceof Error ? e.message : String(e)})`);
  }
  const r = parsed as Partial<BenchRecord> | null;
  const expect = (ok: boolean, field: string, what: string) => {
    if (!ok) throw new Error(`${path}: field ${field}: expected ${what}`);
  };
  expect(r?.kind === "hvscope bench:perf", "kind", '"hvscope bench:perf" (written by bench:perf --json)');
  expect(r!.version === 1, "version", "1");
  for (const field of ["samples", "hosts", "bytes"] as const)
    expect(typeof r!.database?.[field] === "number", `database.${field}`, "a number");
  expect(typeof r!.runtimeSeconds === "number", "runtimeSeconds", "a number");
  expect(typeof r!.exitStatus === "number", "exitStatus", "a number");
  expect(typeof r!.sections === "object" && r!.sections !== null, "sections", "an object");
  expect(Array.isArray(r!.targets), "targets", "a list");
  return r as BenchRecord;
}
