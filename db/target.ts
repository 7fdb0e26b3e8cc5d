import { readEnv } from "@/lib/env";
import { isPostgresUrl, redactUrl } from "./open-pg";

/** Which database a CLI works on: a SQLite file, or a PostgreSQL server (docs/decisions/017-postgresql-store.md). */
export type DbTarget =
  { kind: "sqlite"; path: string; label: string } | { kind: "postgres"; url: string; label: string };

/**
 * The database a CLI was pointed at: its `--db` (a file or a postgres:// URL), else
 * `DATABASE_URL`, else `HVSCOPE_DB` (default data/hvscope.db).
 */
export function resolveTarget(explicit?: string, env = readEnv()): DbTarget {
  const chosen = explicit ?? env.DATABASE_URL ?? env.HVSCOPE_DB;
  return isPostgresUrl(chosen)
    ? { kind: "postgres", url: chosen, label: redactUrl(chosen) }
    : { kind: "sqlite", path: chosen, label: chosen };
}
