import { execFileSync, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DbTarget } from "@/db/target";
import { envFor } from "@/scripts/perf/bench-db";
import { checkDb, describeActivity, fileSamples, type FileSamples } from "./db-check";
import type { ThrowawayDatabases } from "./databases";

// The ingest CLI exactly as a user runs it. tsx starts node as a child process, so each ingest
// gets its own process group and SIGKILL goes to the whole group: killing tsx alone would leave
// the importing node process running.
const TSX = resolve("node_modules/.bin/tsx");

/** Process groups of the ingests running now, for killIngests. */
const running = new Set<number>();

/** Kills every ingest still running (a SIGINT handler's first step: they are in process groups of their own). */
export function killIngests(): void {
  for (const pgid of running)
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // Already gone.
    }
}

export interface CrashOptions {
  corpus: string;
  /** Where the reference and crashed databases are made (and dropped as rounds go). */
  databases: ThrowawayDatabases;
  /** A folder for the empty corpus that times start-up alone. */
  workDir: string;
  kills: number;
  seed: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  engine: DbTarget["kind"];
  kills: number;
  /** Kills after which more files were stored than after the previous one: the ingest was writing. */
  killsWhileWriting: number;
  /** Kills timed inside the start-up (module loading, migrations) rather than the import. */
  killsInStartup: number;
  startupMs: number;
  rounds: number;
  checks: number;
  referenceMs: number;
  referenceFiles: number;
  referenceSamples: number;
  exportRows: number;
  problems: string[];
}

/** mulberry32: a seeded generator, so a failing run can be replayed with the same kill times. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface IngestRun {
  killed: boolean;
  /** Still running when `stallAfterMs` ran out, so killed: a hang, not one of the test's kills. */
  stalled: boolean;
  /** When stalled: the database's sessions just before the kill. */
  activity?: string;
  code: number | null;
  ms: number;
  stderr: string;
}

/**
 * Runs one ingest; kills its process group after `killAfterMs` unless it has exited by then, or
 * after `stallAfterMs` if it is still running then.
 */
function ingest(db: DbTarget, corpus: string, killAfterMs?: number, stallAfterMs?: number): Promise<IngestRun> {
  const started = performance.now();
  // The database goes in the environment, where ps does not show a URL's password.
  const child = spawn(TSX, ["scripts/ingest.ts", "--json", corpus], {
    env: envFor(db),
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  running.add(child.pid!);
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((done, fail) => {
    let killed = false;
    let stalled = false;
    let activity: string | undefined;
    const killGroup = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // It exited just now; its exit event is on its way.
      }
    };
    const kill =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = true;
            killGroup();
          }, killAfterMs);
    const stall =
      stallAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            stalled = true;
            // What the database's sessions wait for, read before the kill ends the stuck one's.
            void describeActivity(db).then((a) => {
              activity = a;
              killGroup();
            });
          }, stallAfterMs);
    child.on("error", fail);
    child.on("exit", (code) => {
      clearTimeout(kill);
      clearTimeout(stall);
      running.delete(child.pid!);
      done({ killed: killed && !stalled, stalled, activity, code, ms: performance.now() - started, stderr });
    });
  });
}

/**
 * A run or export this much slower than the uninterrupted reference is stuck (waiting on a lock,
 * say): stop it and say so. Whole milliseconds, since execFileSync refuses a fractional timeout.
 */
export function stallAfterMs(referenceMs: number): number {
  return Math.ceil(Math.max(60_000, 10 * referenceMs));
}

function exportCsv(db: DbTarget, timeoutMs: number): string {
  return execFileSync(TSX, ["scripts/export.ts"], {
    env: envFor(db),
    encoding: "utf8",
    maxBuffer: 1 << 30,
    timeout: timeoutMs,
    killSignal: "SIGKILL",
  });
}

/**
 * Kills `tsx scripts/ingest.ts` at random moments until `kills` kills have happened. A round starts
 * from an empty database and re-runs the ingest, killing each run, until one run finishes before
 * its kill (or, once the kills are done, runs it to completion); after every run the database is
 * checked (checkDb), and at the end of a round its export must equal that of an uninterrupted
 * import, byte for byte. Every database is made by `o.databases`, on SQLite or PostgreSQL alike.
 */
export async function crashTest(o: CrashOptions): Promise<CrashReport> {
  const log = o.log ?? (() => {});
  const random = seededRandom(o.seed);
  // Start-up alone (node, tsx, migrations on a new database): an import of an empty folder.
  const empty = join(o.workDir, "empty");
  mkdirSync(empty, { recursive: true });
  const startup = await ingest(await o.databases.fresh("startup"), empty);
  await o.databases.drop("startup");
  const refDb = await o.databases.fresh("reference");
  const ref = await ingest(refDb, o.corpus);
  if (ref.code !== 0) throw new Error(`the uninterrupted reference import failed (exit ${ref.code}): ${ref.stderr}`);
  const reference: FileSamples = await fileSamples(refDb);
  const stallMs = stallAfterMs(ref.ms);
  const refExport = exportCsv(refDb, stallMs);
  const report: CrashReport = {
    engine: o.databases.engine,
    kills: 0,
    killsWhileWriting: 0,
    killsInStartup: 0,
    startupMs: Math.round(startup.ms),
    rounds: 0,
    checks: 0,
    referenceMs: Math.round(ref.ms),
    referenceFiles: reference.size,
    referenceSamples: [...reference.values()].reduce((a, b) => a + b, 0),
    exportRows: refExport.split("\n").length - 2,
    problems: [],
  };
  log(
    `reference: ${report.referenceFiles} files, ${report.referenceSamples} samples in ${report.referenceMs} ms (start-up alone ${report.startupMs} ms)`,
  );
  // One kill in ten is timed inside start-up (migrations included), the rest over the import itself.
  // Resumed runs are shorter, so late kill times often come after the run has finished: the kills
  // that happen lean towards the start anyway.
  const killTime = () =>
    random() < 0.1 ? random() * startup.ms : startup.ms + random() * Math.max(1, ref.ms - startup.ms);

  while (report.kills < o.kills && report.problems.length === 0) {
    report.rounds++;
    const db = await o.databases.fresh("crashed");
    let stored = 0;
    for (let attempt = 1; ; attempt++) {
      // Once enough kills have happened, the round's last run goes to completion unhindered.
      const killAt = report.kills < o.kills ? killTime() : undefined;
      const run = await ingest(db, o.corpus, killAt, stallMs);
      if (run.stalled) {
        report.problems.push(
          `round ${report.rounds}, run ${attempt}: ingest still running after ${stallMs} ms, killed; ` +
            `the database then: ${run.activity}; its stderr: ${run.stderr || "(empty)"}`,
        );
        break;
      }
      const check = await checkDb(db, reference);
      report.checks++;
      report.problems.push(...check.problems.map((p) => `round ${report.rounds}, after run ${attempt}: ${p}`));
      if (run.killed) {
        report.kills++;
        if (check.files > stored) report.killsWhileWriting++;
        if (killAt !== undefined && killAt < startup.ms) report.killsInStartup++;
        log(
          `kill ${report.kills} after ${Math.round(run.ms)} ms: ${check.files}/${reference.size} files stored` +
            (check.integrity === null ? "" : `, integrity ${check.integrity}`),
        );
      } else if (run.code !== 0) {
        report.problems.push(`round ${report.rounds}: ingest exited with ${run.code}: ${run.stderr}`);
      }
      stored = check.files;
      if (report.problems.length > 0) break;
      if (!run.killed) {
        if (exportCsv(db, stallMs) !== refExport)
          report.problems.push(`round ${report.rounds}: the export differs from the uninterrupted import's`);
        log(
          `round ${report.rounds}: completed after ${attempt} runs; export ${report.problems.length === 0 ? "identical" : "DIFFERENT"}`,
        );
        break;
      }
      if (attempt > 200) {
        report.problems.push(`round ${report.rounds}: no run finished in 200 attempts`);
        break;
      }
    }
  }
  await o.databases.drop("crashed");
  await o.databases.drop("reference");
  return report;
}
