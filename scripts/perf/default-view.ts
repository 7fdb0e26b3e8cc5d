import type Database from "better-sqlite3";

/**
 * The view bench:perf measures on a SQLite file: the default view's dataset (most samples, as
 * db/queries/series.ts listDatasets orders them), its first host, the newest import, and the
 * runtimes that host measured (for the permalinks in turn, scripts/perf/permalinks.ts).
 */
export function defaultViewOf(db: Database.Database) {
  const one = (sql: string, ...args: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .get(...args);
  const dataset = one(`SELECT d.name FROM import_samples i JOIN datasets d ON i.dataset_id = d.id
    GROUP BY d.name ORDER BY sum(i.samples) DESC, d.name LIMIT 1`) as string;
  const host = one(
    "SELECT h.name FROM runs r JOIN hosts h ON r.host_id = h.id JOIN datasets d ON r.dataset_id = d.id WHERE d.name = ? ORDER BY h.name LIMIT 1",
    dataset,
  ) as string;
  const asof = one("SELECT max(id) FROM imports") as number;
  const runtimes = db
    .prepare(
      "SELECT DISTINCT s.runtime_id FROM series s JOIN datasets d ON s.dataset_id = d.id JOIN hosts h ON s.host_id = h.id WHERE d.name = ? AND h.name = ?",
    )
    .pluck()
    .all(dataset, host) as string[];
  return { dataset, host, asof, runtimes };
}
