/**
 * bench:perf section a: the real ingestion pipeline against the bare limit loop on the same
 * files, into fresh databases of the engine measured (SQLite files in a temporary folder, or
 * throwaway databases on the PostgreSQL server).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importPaths } from "@/db/ingest/import-paths";
import { importPathsPg } from "@/db/ingest/pg/import-paths";
import type { ImportSummary } from "@/db/ingest/import-types";
import { openDb } from "@/db/open";
import { openPgDb } from "@/db/open-pg";
import type { DbTarget } from "@/db/target";
import type { BenchRecord } from "@/scripts/perf/bench-record";
import { limitIngest } from "@/scripts/perf/ingest-limit";
import { limitIngestPg } from "@/scripts/perf/ingest-limit-pg";
import { median } from "@/scripts/perf/percentile";
import { timePg } from "@/scripts/perf/pg-time";
import { formatTable, int, pct, verdict } from "@/scripts/perf/report";
import { ScratchDatabases } from "@/scripts/perf/scratch-db";
import { timeSqlite } from "@/scripts/perf/sqlite-time";
import { prepareFixtures, runtimesFor, writeHostCorpus } from "@/scripts/perf/synthetic-corpus";

interface IngestPair {
  real: { seconds: number; cpuSeconds: number; samples: number; preparedAhead: number };
  limit: { seconds: number; cpuSeconds: number; samples: number };
  /** real files/s over limit files/s. */
  ratio: number;
}

/** Where a run's time went: the engine's calls against everything else on the writer's thread, in ms. */
interface DriverShare {
  realMs: number;
  realDriverMs: number;
  limitMs: number;
  limitDriverMs: number;
  statements: { sql: string; ms: number; calls: number }[];
}

/** The two loops on one engine, each run into a fresh database named by `label`. */
interface IngestEngine {
  /** What the breakdown calls the engine's calls. */
  driver: string;
  real(label: string, corpus: string, files: number): Promise<ImportSummary>;
  limit(label: string, files: string[]): Promise<{ files: number; samples: number; seconds: number }>;
  /** Runs `fn` with the engine's calls timed: their total and their costliest statements. */
  timeCalls(fn: () => Promise<unknown>): Promise<{ driverMs: number; statements: DriverShare["statements"] }>;
  close(): Promise<void>;
}

function sqliteEngine(tmp: string): IngestEngine {
  const real = async (label: string, corpus: string) => {
    const conn = openDb(join(tmp, `${label}.db`));
    try {
      return await importPaths(conn, [corpus]);
    } finally {
      conn.close();
    }
  };
  const limit = async (label: string, files: string[]) => limitIngest(join(tmp, `${label}.db`), files);
  return {
    driver: "SQLite calls (better-sqlite3, every call timed)",
    real,
    limit,
    timeCalls: async (fn) => {
      const t = await timeSqlite(fn);
      return { driverMs: t.sqliteMs, statements: t.statements };
    },
    close: async () => {},
  };
}

/** One more run of the real pipeline and of the limit loop, each with the engine's calls timed. */
async function driverShare(engine: IngestEngine, corpus: string, files: string[]): Promise<DriverShare> {
  let t = performance.now();
  const r = await engine.timeCalls(() => engine.real("timed_real", corpus, files.length));
  const realMs = performance.now() - t;
  t = performance.now();
  const l = await engine.timeCalls(() => engine.limit("timed_limit", files));
  const limitMs = performance.now() - t;
  return { realMs, realDriverMs: r.driverMs, limitMs, limitDriverMs: l.driverMs, statements: r.statements };
}

/** Each run's database is created just before it and dropped just after: the server keeps none. */
function pgEngine(url: string): IngestEngine {
  const scratch = new ScratchDatabases(url);
  const inScratch = async <T>(label: string, fn: (url: string) => Promise<T>) => {
    const db = await scratch.create(label);
    try {
      return await fn(db);
    } finally {
      await scratch.drop(label);
    }
  };
  const real = (label: string, corpus: string) =>
    inScratch(label, async (db) => {
      // Migrated before the clock starts, as the SQLite file is by openDb.
      const conn = await openPgDb(db);
      try {
        return await importPathsPg(conn, [corpus]);
      } finally {
        await conn.close();
      }
    });
  const limit = (label: string, files: string[]) => inScratch(label, (db) => limitIngestPg(db, files));
  return {
    driver: "waiting for PostgreSQL (pg client queries, call to answer)",
    real,
    limit,
    timeCalls: async (fn) => {
      const t = await timePg(fn);
      return { driverMs: t.pgMs, statements: t.statements };
    },
    close: () => scratch.dropAll(),
  };
}

/** `fn`'s result, wall time and CPU time (every thread of the process), in seconds. */
async function timed<T>(fn: () => Promise<T>) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

export interface IngestionResult {
  lines: string[];
  ratio: number;
  record: NonNullable<BenchRecord["sections"]["a"]>;
}

/**
 * Writes `fileCount` jittered fixture copies, warms both loops up, then times `trials` pairs of
 * runs and one more with the engine's calls timed. Every temporary file and database is removed
 * after, also on failure.
 */
export async function measureIngestion({
  target,
  fileCount,
  trials,
  progress,
}: {
  target: DbTarget;
  fileCount: number;
  trials: number;
  progress: (text: string) => void;
}): Promise<IngestionResult> {
  const tmp = mkdtempSync(join(tmpdir(), "hvscope-bench-perf-"));
  const engine = target.kind === "postgres" ? pgEngine(target.url) : sqliteEngine(tmp);
  try {
    const files = writeCorpus(join(tmp, "corpus"), fileCount);
    const corpus = join(tmp, "corpus");
    const runReal = async (label: string): Promise<IngestPair["real"]> => {
      const { result, seconds, cpuSeconds } = await timed(() => engine.real(label, corpus, files.length));
      if (result.failed.length > 0 || result.imported !== files.length)
        throw new Error(
          `real pipeline imported ${result.imported} of ${files.length}; first failure: ${JSON.stringify(result.failed[0])}`,
        );
      return { seconds, cpuSeconds, samples: result.samples, preparedAhead: result.preparedAhead ?? 0 };
    };
    // The limit loop's own wall time (from its first file), and the process's CPU time.
    const runLimit = async (label: string): Promise<IngestPair["limit"]> => {
      const { result, cpuSeconds } = await timed(() => engine.limit(label, files));
      return { seconds: result.seconds, cpuSeconds, samples: result.samples };
    };
    // First runs of both loops, not the ones compared, so both are timed with JIT-compiled
    // parsers: the limit loop, which used to run second, parsed at full speed while the real
    // pipeline paid for compiling them (docs/performance.md).
    // The real pipeline's first run also starts the worker that prepares files ahead of the writer.
    progress(`a: warming up both loops on the ${files.length} files`);
    const cold = await runReal("warm_up");
    const coldLimit = await runLimit("warm_up_limit");
    const pairs: IngestPair[] = [];
    for (let t = 0; t < trials; t++) {
      progress(`a: pair ${t + 1} of ${trials}: ${files.length} files through the real pipeline and the limit loop`);
      // The loop that goes first alternates, so neither always inherits the other's warm cache or busy disk.
      let real: IngestPair["real"], limit: IngestPair["limit"];
      if (t % 2 === 0) {
        real = await runReal(`real_${t}`);
        limit = await runLimit(`limit_${t}`);
      } else {
        limit = await runLimit(`limit_${t}`);
        real = await runReal(`real_${t}`);
      }
      pairs.push({ real, limit, ratio: limit.seconds / real.seconds });
    }
    const mid = (pick: (p: IngestPair) => number) => median(pairs.map(pick));
    const realSeconds = mid((p) => p.real.seconds);
    const limitSeconds = mid((p) => p.limit.seconds);
    const ratio = mid((p) => p.ratio);
    const { real, limit } = pairs[0]!;
    const into = target.kind === "postgres" ? "throwaway databases on the same PostgreSQL server" : "SQLite files";
    const lines = [
      `a. Ingestion of ${int(files.length)} jittered fixture copies (${int(real.samples)} samples; the limit loop parsed ${int(limit.samples)}) into fresh ${into}, ${trials} pairs of runs, medians`,
      formatTable([
        ["", "real pipeline", "limit loop", "real/limit", "target"],
        ["time", `${realSeconds.toFixed(2)} s`, `${limitSeconds.toFixed(2)} s`, "", ""],
        [
          "files/s",
          int(files.length / realSeconds),
          int(files.length / limitSeconds),
          pct(ratio),
          `>= 50 %: ${verdict(ratio >= 0.5)}`,
        ],
        ["samples/s", int(real.samples / realSeconds), int(limit.samples / limitSeconds), "", ""],
        [
          "CPU time (all threads)",
          `${mid((p) => p.real.cpuSeconds).toFixed(2)} s`,
          `${mid((p) => p.limit.cpuSeconds).toFixed(2)} s`,
          "",
          "",
        ],
        [
          "first run (cold)",
          `${cold.seconds.toFixed(2)} s`,
          `${coldLimit.seconds.toFixed(2)} s`,
          pct(coldLimit.seconds / cold.seconds),
          "",
        ],
      ]),
      `   real/limit of each pair, in order (the loop that ran first alternates): ${pairs.map((p) => pct(p.ratio)).join(", ")}`,
      `   the real pipeline prepares files (read, label, hash, parse, deflate) on a worker thread ahead of the writer: it took ${pairs.map((p) => int(p.real.preparedAhead)).join(", ")} of the ${int(files.length)} (db/ingest/prepare-ahead.ts); the limit loop uses one thread` +
        (target.kind === "postgres"
          ? `; the limit loop sends multi-row INSERTs of up to 1,000 rows, one transaction per file, as the real writer does (scripts/perf/ingest-limit-pg.ts)`
          : ""),
    ];
    progress(`a: again, with every ${target.kind === "postgres" ? "pg query" : "SQLite call"} timed`);
    lines.push(ingestionBreakdown(engine.driver, await driverShare(engine, corpus, files)));
    return {
      lines,
      ratio,
      record: { files: files.length, samples: real.samples, realSeconds, limitSeconds, ratio, pairs },
    };
  } finally {
    try {
      await engine.close();
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}

/** `target` jittered copies of the fixtures, one synthetic host per dataset, 7 runtimes in turn. */
function writeCorpus(dir: string, target: number): string[] {
  const { usable } = prepareFixtures(7);
  const files: string[] = [];
  for (let d = 0; files.length < target; d++)
    files.push(
      ...writeHostCorpus({
        dir: join(dir, `d${d}`),
        dataset: `synthetic-bench-${d}`,
        host: "synthetic-host-1",
        runtimes: runtimesFor(d, 7),
        repetitions: 3,
        fixtures: usable,
        seed: d + 1,
        seen: new Set(),
        maxFiles: target - files.length,
      }),
    );
  return files;
}

function ingestionBreakdown(driver: string, s: DriverShare) {
  const share = (part: number, whole: number) => `${(part / 1000).toFixed(2)} s (${pct(part / whole)})`;
  const perCall = (t: { ms: number; calls: number }) => `${((t.ms / t.calls) * 1000).toFixed(1)} µs`;
  return [
    `   where the writer's time goes (one more run of each, ${driver}):`,
    formatTable([
      ["", "real pipeline", "limit loop"],
      [driver.replace(/ \(.*/, ""), share(s.realDriverMs, s.realMs), share(s.limitDriverMs, s.limitMs)],
      [
        "everything else on the writer's thread",
        share(s.realMs - s.realDriverMs, s.realMs),
        share(s.limitMs - s.limitDriverMs, s.limitMs),
      ],
    ]).replace(/^/gm, "  "),
    `   even if everything else cost nothing, real/limit could reach at most ${pct(s.limitMs / s.realDriverMs)} (the limit loop's whole time over the real pipeline's time in the driver)`,
    "   the real pipeline's costliest statements (total, calls, per call):",
    ...s.statements
      .slice(0, 6)
      .map(
        (t) => `     ${(t.ms / 1000).toFixed(2)} s  ${int(t.calls).padStart(7)}x  ${perCall(t).padStart(8)}  ${t.sql}`,
      ),
  ].join("\n");
}
