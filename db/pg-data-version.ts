import type pg from "pg";

/** How long a commit by another process may go unseen, at most, plus one query. */
export const POLL_EVERY_MS = 250;

// Every stored file adds one to its import's files_imported in the file's own transaction
// (db/ingest/pg/writer.ts addTotals), so this changes with every commit that changes data, from any
// process, including db:copy and restores. `imports` has a row per import: a few thousand at most.
const VERSION_QUERY =
  "SELECT count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(files_imported), 0) AS version FROM imports";

export interface DataVersionWatch {
  /** What the last poll saw: read by every request, so no round trip. */
  current(): string;
  /** Polls now: after it resolves, `current` includes every commit made before the call (an upload's own import). */
  refresh(): Promise<void>;
  stop(): void;
}

/**
 * Watches a PostgreSQL database for commits by any process, as SQLite's `PRAGMA data_version` does
 * for a file: one small query every POLL_EVERY_MS, started after the previous one answered
 * (docs/decisions/018-app-on-postgresql.md). Resolves after the first poll.
 */
export async function watchPgDataVersion(
  pool: pg.Pool,
  { everyMs = POLL_EVERY_MS, log = console.error }: { everyMs?: number; log?: (line: string) => void } = {},
): Promise<DataVersionWatch> {
  let version = "";
  let issued = 0;
  let applied = 0;
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async () => {
    const seq = ++issued;
    const { rows } = await pool.query<{ version: string }>(VERSION_QUERY);
    // A refresh may overtake a poll in flight: the later query's answer wins.
    if (seq > applied) [applied, version] = [seq, rows[0]!.version];
  };
  const loop = async () => {
    try {
      await poll();
      if (failing) log("[data-version] PostgreSQL answers again");
      failing = false;
    } catch (e) {
      if (!failing) log(`[data-version] polling PostgreSQL failed; cached views stay until it answers: ${String(e)}`);
      failing = true;
    }
    if (!stopped) timer = setTimeout(() => void loop(), everyMs).unref();
  };
  await poll();
  timer = setTimeout(() => void loop(), everyMs).unref();
  return {
    current: () => version,
    refresh: poll,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
