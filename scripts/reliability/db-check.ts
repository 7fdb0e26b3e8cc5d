import Database from "better-sqlite3";
import pg from "pg";
import type { DbTarget } from "@/db/target";

/** Samples stored per source file, keyed `dataset<TAB>path`. */
export type FileSamples = Map<string, number>;

export interface DbCheck {
  /** SQLite's integrity_check ("ok" when sound); null on PostgreSQL, which has no such check. */
  integrity: string | null;
  files: number;
  samples: number;
  problems: string[];
}

// Portable SQL, the same text on both engines. Counts come back as numbers from
// SQLite and as text from PostgreSQL (bigint), hence Number() on every one.
const PER_FILE = `
  SELECT d.name AS dataset, sf.path AS path, count(s.id) AS samples
  FROM source_files sf
  JOIN datasets d ON d.id = sf.dataset_id
  LEFT JOIN runs r ON r.source_file_id = sf.id
  LEFT JOIN samples s ON s.run_id = r.id
  GROUP BY sf.id, d.name, sf.path`;

/** A series' sample count is never negative: -1 stands for "no statistics". */
const SERIES_MISCOUNTED = `
  SELECT count(*) AS n FROM series se
  WHERE coalesce((SELECT st.n FROM series_stats st WHERE st.series_id = se.id ORDER BY st.import_id DESC LIMIT 1), -1)
    <> (SELECT count(*) FROM samples s WHERE s.series_id = se.id)`;

const FILES_SHORT = `
  SELECT count(*) AS n, min(path) AS first FROM (
    SELECT sf.path AS path FROM source_files sf
    LEFT JOIN runs r ON r.source_file_id = sf.id
    LEFT JOIN samples s ON s.run_id = r.id
    GROUP BY sf.id, sf.path, sf.sample_count
    HAVING count(s.id) <> sf.sample_count) short`;

/** The same SQL on either engine; rows as plain objects. */
interface CheckReader {
  rows(sql: string): Promise<Record<string, unknown>[]>;
  hasTable(name: string): Promise<boolean>;
  integrity(): Promise<string | null>;
  close(): Promise<void>;
}

async function openReader(target: DbTarget): Promise<CheckReader> {
  if (target.kind === "sqlite") {
    // Read-write on purpose: opening replays or discards a killed ingest's WAL, as the next ingest or the server would.
    const client = new Database(target.path);
    return {
      rows: async (sql) => client.prepare(sql).all() as Record<string, unknown>[],
      hasTable: async (name) =>
        client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined,
      integrity: async () =>
        (client.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; "),
      close: async () => {
        client.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return {
    rows: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
    hasTable: async (name) =>
      (await client.query("SELECT to_regclass($1) IS NOT NULL AS present", [name])).rows[0].present === true,
    // The server's own crash recovery keeps its files sound; what a killed client can break is the data, checked below.
    integrity: async () => null,
    close: () => client.end(),
  };
}

async function perFile(reader: CheckReader): Promise<FileSamples> {
  const rows = await reader.rows(PER_FILE);
  return new Map(rows.map((r) => [`${String(r.dataset)}\t${String(r.path)}`, Number(r.samples)]));
}

export async function fileSamples(target: DbTarget): Promise<FileSamples> {
  const reader = await openReader(target);
  try {
    return await perFile(reader);
  } finally {
    await reader.close();
  }
}

/**
 * Checks a database left by a killed ingest: on SQLite integrity_check is "ok"; on both engines
 * every stored file has runs, every run has samples, each stored file has exactly the samples it
 * was stored with and that a clean import gave it, and the series statistics and import totals
 * kept at ingest count exactly the stored samples.
 */
export async function checkDb(target: DbTarget, reference: FileSamples): Promise<DbCheck> {
  const reader = await openReader(target);
  try {
    const integrity = await reader.integrity();
    const problems: string[] = integrity === null || integrity === "ok" ? [] : [`integrity_check: ${integrity}`];
    // Killed before the first migration committed: an empty database is a consistent one.
    if (!(await reader.hasTable("source_files"))) return { integrity, files: 0, samples: 0, problems };
    const first = async (sql: string) => (await reader.rows(sql))[0]!;
    const count = async (sql: string) => Number((await first(sql)).n);

    const fileless = await first(
      "SELECT count(*) AS n, min(sf.path) AS first FROM source_files sf WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.source_file_id = sf.id)",
    );
    if (Number(fileless.n) > 0)
      problems.push(`${Number(fileless.n)} source files without runs, first: ${String(fileless.first)}`);
    const runless = await first(
      "SELECT count(*) AS n, min(r.id) AS first FROM runs r WHERE NOT EXISTS (SELECT 1 FROM samples s WHERE s.run_id = r.id)",
    );
    if (Number(runless.n) > 0)
      problems.push(`${Number(runless.n)} runs without samples, first run id ${String(runless.first)}`);
    const short = await first(FILES_SHORT);
    if (Number(short.n) > 0)
      problems.push(
        `${Number(short.n)} source files without the samples they were stored with, first: ${String(short.first)}`,
      );
    // Imports count their files as they go, so even a killed one accounts for what it stored.
    const counted = await count("SELECT coalesce(sum(files_imported), 0) AS n FROM imports");
    const files = await count("SELECT count(*) AS n FROM source_files");
    if (counted !== files) problems.push(`imports count ${counted} files imported, source_files holds ${files}`);
    // Statistics kept at ingest are written in the file's savepoint: they must count exactly the stored samples.
    const miscounted = await count(SERIES_MISCOUNTED);
    if (miscounted > 0) problems.push(`${miscounted} series whose newest statistics do not count their stored samples`);
    const totals = await count("SELECT coalesce(sum(samples), 0) AS n FROM import_samples");
    const sampleRows = await count("SELECT count(*) AS n FROM samples");
    if (totals !== sampleRows) problems.push(`import_samples totals ${totals} samples, samples holds ${sampleRows}`);
    const stored = await perFile(reader);
    let samples = 0;
    for (const [key, n] of stored) {
      samples += n;
      const expected = reference.get(key);
      if (expected !== n)
        problems.push(
          `${key.replace("\t", ": ")} has ${n} samples, a clean import stores ${expected ?? "no such file"}`,
        );
    }
    return { integrity, files: stored.size, samples, problems };
  } finally {
    await reader.close();
  }
}

/** What other sessions on a PostgreSQL database are doing and waiting for, to explain a stuck import. */
export async function describeActivity(target: DbTarget): Promise<string> {
  if (target.kind === "sqlite") return "a SQLite file (no sessions to list)";
  const client = new pg.Client({ connectionString: target.url });
  try {
    await client.connect();
    const { rows } = await client.query<{ line: string }>(
      `SELECT pid || ' ' || coalesce(state, '?') || coalesce(' waiting on ' || wait_event_type || '/' || wait_event, '') ||
              ': ' || left(query, 120) AS line
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.length === 0 ? "no other sessions" : rows.map((r) => r.line).join("; ");
  } catch (e) {
    return `could not list its sessions: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    await client.end().catch(() => {});
  }
}
