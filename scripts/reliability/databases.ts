import { rmSync } from "node:fs";
import { join } from "node:path";
import { isPostgresUrl, redactUrl } from "@/db/open-pg";
import { resolveTarget, type DbTarget } from "@/db/target";
import { readEnv, type Env } from "@/lib/env";
import { ScratchDatabases } from "@/scripts/perf/scratch-db";

/**
 * Where a reliability script keeps its databases: SQLite files in its temp folder, or throwaway
 * databases on a PostgreSQL server, created for the run and dropped after it.
 */
export interface ThrowawayDatabases {
  readonly engine: DbTarget["kind"];
  /** For the output: the folder, or the server with the password hidden. */
  readonly where: string;
  /** An empty database called `label`; a leftover of that name is removed first. */
  fresh(label: string): Promise<DbTarget>;
  drop(label: string): Promise<void>;
  /** Drops every database still there (SQLite files go with the caller's temp folder). */
  dropAll(): Promise<void>;
}

export function sqliteFiles(dir: string): ThrowawayDatabases {
  const path = (label: string) => join(dir, `${label}.db`);
  const remove = (label: string) => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path(label)}${suffix}`, { force: true });
  };
  return {
    engine: "sqlite",
    where: `SQLite files in ${dir}`,
    fresh: async (label) => {
      remove(label);
      return { kind: "sqlite", path: path(label), label: path(label) };
    },
    drop: async (label) => remove(label),
    dropAll: async () => {},
  };
}

/** Databases `<prefix>_<label>` on the server `url` names; its role needs CREATEDB. */
export function pgScratch(url: string, prefix: string): ThrowawayDatabases {
  const scratch = new ScratchDatabases(url, prefix);
  return {
    engine: "postgres",
    where: `throwaway PostgreSQL databases ${prefix}_* on ${new URL(url).host}`,
    fresh: async (label) => {
      const created = await scratch.create(label);
      return { kind: "postgres", url: created, label: redactUrl(created) };
    },
    drop: (label) => scratch.drop(label),
    dropAll: () => scratch.dropAll(),
  };
}

/**
 * The PostgreSQL server a reliability script runs on: `--db` or DATABASE_URL (resolved as every CLI
 * resolves its target), or undefined for SQLite files in its temp folder as before.
 */
export function reliabilityServer(explicit: string | undefined, env: Env = readEnv()): string | undefined {
  // A SQLite --db would be a file to overwrite: the SQLite runs keep to their temp folder.
  if (explicit !== undefined && !isPostgresUrl(explicit))
    throw new Error(
      `--db takes a postgres:// URL (a role with CREATEDB: the test creates and drops its own databases there), got ${JSON.stringify(explicit)}`,
    );
  const target = resolveTarget(explicit, env);
  return target.kind === "postgres" ? target.url : undefined;
}

/** The databases of a run of `script`: on `server` if there is one, else SQLite files in `dir`. */
export function throwawayDatabases(server: string | undefined, dir: string, script: string): ThrowawayDatabases {
  return server === undefined ? sqliteFiles(dir) : pgScratch(server, `hvscope_${script}_${process.pid}`);
}

let interruptedByUser = false;

/** True once Ctrl-C came: what fails after it (a query on a dropped database) is the interruption, not a finding. */
export function interrupted(): boolean {
  return interruptedByUser;
}

/** For a script's top-level catch: an error after Ctrl-C is left to the SIGINT handler, which exits with 130. */
export function rethrowUnlessInterrupted(e: unknown): void {
  if (!interrupted()) throw e;
}

/**
 * Ctrl-C: `finally` blocks do not run when a signal ends the process, so `cleanup` stops what
 * the run started and drops its databases before it exits with 130.
 */
export function onInterrupt(cleanup: () => Promise<unknown>): void {
  process.once("SIGINT", () => {
    interruptedByUser = true;
    process.exitCode = 130;
    console.error("interrupted: stopping and dropping the throwaway databases");
    void cleanup()
      .catch((e: unknown) =>
        console.error(`cleanup after SIGINT failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => process.exit(130));
  });
}
