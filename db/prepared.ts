import type { Db } from "./open";

/**
 * Builds a set of prepared queries once per database handle. Building a drizzle query costs
 * far more than running a prepared one (docs/performance.md), and the hot paths (every request,
 * every ingested file) run the same few queries with different values.
 */
export function preparedPerDb<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let prepared = cache.get(db);
    if (prepared === undefined) cache.set(db, (prepared = build(db)));
    return prepared;
  };
}
