import type { Db } from "../open";

/**
 * Memoizes a read-only query function until the database changes. Data changes only when an
 * import commits, and SQLite's `PRAGMA data_version` (a cheap check) changes on this
 * connection whenever another connection has committed (and total_changes() when this one
 * wrote, as tests do): so a view read twice between imports is computed once, and never
 * served stale. Least recently used entries go first.
 * Callers must treat results as immutable: they are shared between requests.
 * HVSCOPE_READ_CACHE=off computes every view (bench:perf measures both ways); `summary` entries
 * (db/queries/series.ts getHostSummary) stay, since they are the data views are computed from,
 * read once per import (docs/decisions/016-host-summaries.md).
 */
export function cacheUntilDataChanges<A extends unknown[], R>(
  fn: (db: Db, ...args: A) => Promise<R>,
  { maxEntries, summary = false }: { maxEntries: number; summary?: boolean },
) {
  const caches = new WeakMap<Db, { version: string; entries: Map<string, Promise<R>> }>();
  return (db: Db, ...args: A): Promise<R> => {
    if (!summary && process.env.HVSCOPE_READ_CACHE === "off") return fn(db, ...args);
    const version = dataVersion(db);
    let cache = caches.get(db);
    if (!cache || cache.version !== version) caches.set(db, (cache = { version, entries: new Map() }));
    const key = JSON.stringify(args);
    const hit = cache.entries.get(key);
    if (hit) {
      cache.entries.delete(key); // re-insert: Map order is the recency order
      cache.entries.set(key, hit);
      return hit;
    }
    const result = fn(db, ...args);
    cache.entries.set(key, result);
    result.catch(() => cache.entries.delete(key));
    if (cache.entries.size > maxEntries) cache.entries.delete(cache.entries.keys().next().value!);
    return result;
  };
}

/**
 * Memoizes a read whose result depends only on data that `fingerprint` names (for a host summary:
 * that host's import totals as of `asof`). Entries outlive imports that leave their fingerprint
 * unchanged: an import re-reads only the hosts it touched, and `asof`-pinned reads stay as they
 * are (docs/decisions/016-host-summaries.md). Kept with HVSCOPE_READ_CACHE=off too: these are the
 * data views are computed from. Least recently used entries go first; results are immutable.
 */
export function cacheUntilInputsChange<A extends unknown[], R>(
  name: string,
  fn: (db: Db, ...args: A) => Promise<R>,
  { maxEntries, fingerprint }: { maxEntries: number; fingerprint: (db: Db, ...args: A) => Promise<string> },
) {
  const caches = processWide(name, () => new WeakMap<Db, Map<string, { fingerprint: string; result: Promise<R> }>>());
  return async (db: Db, ...args: A): Promise<R> => {
    const current = await fingerprint(db, ...args);
    let entries = caches.get(db);
    if (!entries) caches.set(db, (entries = new Map()));
    const key = JSON.stringify(args);
    const hit = entries.get(key);
    entries.delete(key); // re-inserted below: Map order is the recency order
    if (hit && hit.fingerprint === current) {
      entries.set(key, hit);
      return hit.result;
    }
    const entry = { fingerprint: current, result: fn(db, ...args) };
    entries.set(key, entry);
    entry.result.catch(() => entries.get(key) === entry && entries.delete(key));
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return entry.result;
  };
}

/**
 * One store per name in the process. Next.js loads instrumentation.ts, which reads summaries ahead
 * (db/queries/warm-summaries.ts), as a module graph of its own: module-level state is not the routes'.
 */
function processWide<T>(name: string, make: () => T): T {
  const shared = globalThis as { [key: symbol]: unknown };
  const key = Symbol.for(`hvscope.read-cache.${name}`);
  return (shared[key] ??= make()) as T;
}

const versionStatements = new WeakMap<Db, { run(): string }>();

/** Changes whenever any connection, this one included, has committed a change. */
export function dataVersion(db: Db): string {
  let statement = versionStatements.get(db);
  if (!statement) {
    const own = db.$client.prepare("SELECT total_changes() AS n").pluck();
    const others = db.$client.prepare("PRAGMA data_version").pluck();
    versionStatements.set(db, (statement = { run: () => `${others.get()}:${own.get()}` }));
  }
  return statement.run();
}
