import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { SYNTHETIC_PREFIX } from "./synthetic-corpus";

/** Absolute path with symlinks resolved, also for a file that does not exist yet. */
function realPath(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  const dir = dirname(abs);
  return existsSync(dir) ? resolve(realpathSync(dir), basename(abs)) : abs;
}

/**
 * Synthetic data must never land in a database the dashboard shows as real: refuses the
 * default database (data/hvscope.db of the repo) and any file that already holds a
 * dataset not named `synthetic-…`.
 */
export function assertSyntheticTarget(dbPath: string, repoRoot: string): void {
  if (realPath(dbPath) === realPath(resolve(repoRoot, "data", "hvscope.db")))
    throw new Error(
      `refusing to write synthetic data into ${dbPath}, the dashboard's database; pass --db FILE (e.g. data/perf.db)`,
    );
}

/** Checked read-only before anything (even a migration) touches the file. */
export function assertOnlySynthetic(dbPath: string): void {
  if (!existsSync(dbPath)) return;
  const client = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const hasTable =
      client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'datasets'").get() !== undefined;
    if (!hasTable) return;
    const real = client
      .prepare("SELECT name FROM datasets WHERE name NOT LIKE ? ESCAPE '\\' LIMIT 3")
      .pluck()
      .all(`${SYNTHETIC_PREFIX}%`) as string[];
    if (real.length > 0)
      throw new Error(`refusing to add synthetic data to ${dbPath}: it holds real datasets (${real.join(", ")})`);
  } finally {
    client.close();
  }
}
