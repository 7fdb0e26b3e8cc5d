import Database from "better-sqlite3";

/** Samples stored per source file, keyed `dataset<TAB>path`. */
export type FileSamples = Map<string, number>;

export interface DbCheck {
  integrity: string;
  files: number;
  samples: number;
  problems: string[];
}

const PER_FILE = `
  SELECT d.name AS dataset, sf.path AS path, count(s.id) AS samples
  FROM source_files sf
  JOIN datasets d ON d.id = sf.dataset_id
  LEFT JOIN runs r ON r.source_file_id = sf.id
  LEFT JOIN samples s ON s.run_id = r.id
  GROUP BY sf.id`;

const SERIES_MISCOUNTED = `
  SELECT count(*) FROM series se
  WHERE (SELECT st.n FROM series_stats st WHERE st.series_id = se.id ORDER BY st.import_id DESC LIMIT 1)
    IS NOT (SELECT count(*) FROM samples s WHERE s.series_id = se.id)`;

export function fileSamples(client: Database.Database): FileSamples {
  const rows = client.prepare(PER_FILE).all() as { dataset: string; path: string; samples: number }[];
  return new Map(rows.map((r) => [`${r.dataset}\t${r.path}`, r.samples]));
}

/**
 * Opens a database left by a killed ingest (opening it replays or discards the WAL, as the next
 * ingest or the server would) and checks it: integrity_check is "ok", every stored file has runs
 * and every run has samples, each stored file has exactly the samples a clean import gave it, and
 * the series statistics and totals kept at ingest count exactly the stored samples.
 */
export function checkDb(path: string, reference: FileSamples): DbCheck {
  const client = new Database(path);
  try {
    const integrity = (client.pragma("integrity_check") as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join("; ");
    const hasTables =
      client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'source_files'").get() !== undefined;
    // Killed before the first migration committed: an empty database is a consistent one.
    if (!hasTables)
      return { integrity, files: 0, samples: 0, problems: integrity === "ok" ? [] : [`integrity_check: ${integrity}`] };
    const problems: string[] = integrity === "ok" ? [] : [`integrity_check: ${integrity}`];
    const fileless = client
      .prepare(
        "SELECT sf.path FROM source_files sf WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.source_file_id = sf.id)",
      )
      .pluck()
      .all();
    const runless = client
      .prepare("SELECT r.id FROM runs r WHERE NOT EXISTS (SELECT 1 FROM samples s WHERE s.run_id = r.id)")
      .pluck()
      .all();
    if (fileless.length > 0)
      problems.push(`${fileless.length} source files without runs, first: ${String(fileless[0])}`);
    // Imports count their files as they go, so even a killed one accounts for what it stored.
    const counted = client.prepare("SELECT coalesce(sum(files_imported), 0) FROM imports").pluck().get() as number;
    const files = client.prepare("SELECT count(*) FROM source_files").pluck().get() as number;
    if (counted !== files) problems.push(`imports count ${counted} files imported, source_files holds ${files}`);
    if (runless.length > 0) problems.push(`${runless.length} runs without samples, first run id ${String(runless[0])}`);
    // Statistics kept at ingest are written in the file's savepoint: they must count exactly the stored samples.
    const miscounted = client.prepare(SERIES_MISCOUNTED).pluck().get() as number;
    if (miscounted > 0) problems.push(`${miscounted} series whose newest statistics do not count their stored samples`);
    const totals = client.prepare("SELECT coalesce(sum(samples), 0) FROM import_samples").pluck().get() as number;
    const sampleRows = client.prepare("SELECT count(*) FROM samples").pluck().get() as number;
    if (totals !== sampleRows) problems.push(`import_samples totals ${totals} samples, samples holds ${sampleRows}`);
    const stored = fileSamples(client);
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
    client.close();
  }
}
