import type { Db } from "../open";
import { isPostgres } from "../tables";

/**
 * Memoizes a read-only query function until the database changes. Data changes only when an
 * import commits, and `dataVersion` changes with every commit: so a view read twice between
 * imports is computed once, and never served stale (on PostgreSQL, stale for at most one poll of
 * the version, a quarter of a second, after another process's commit). Least recently used entries go first.
 * Callers must treat results as immutable: they are shared between requests.
 * HVSCOPE_READ_CACHE=off computes every view (bench:perf measures both ways); `summary` entries
 * (db/queries/series.ts getHostSummary) stay, since they are the data views are computed from,
 * read once per import (docs/decisions/016-host-summaries.md).
 */
export function cacheUntilDataChanges<A extends unknown[], R>(
  fn: (db: Db, ...args: A) => Promise<R>,
  {
    maxEntries,
    summary = false,
    keepOnSecondRead = false,
  }: {
    maxEntries: number;
    summary?: boolean;
    /**
     * Keep a result only when its arguments come again within the last `maxEntries` distinct
     * misses: results read once never push out those read often, nor live long enough to load
     * the old generation of the heap (docs/performance.md).
     */
    keepOnSecondRead?: boolean;
  },
) {
  const caches = new WeakMap<Db, { version: string; entries: Map<string, Promise<R>>; seen: Set<string> }>();
  return (db: Db, ...args: A): Promise<R> => {
    if (!summary && process.env.HVSCOPE_READ_CACHE === "off") return fn(db, ...args);
    const version = dataVersion(db);
    let cache = caches.get(db);
    if (!cache || cache.version !== version) caches.set(db, (cache = { version, entries: new Map(), seen: new Set() }));
    const key = JSON.stringify(args);
    const hit = cache.entries.get(key);
    if (hit) {
      cache.entries.delete(key); // re-insert: Map order is the recency order
      cache.entries.set(key, hit);
      return hit;
    }
    if (keepOnSecondRead && !cache.seen.delete(key)) {
      cache.seen.add(key);
      if (cache.seen.size > maxEntries) cache.seen.delete(cache.seen.values().next().value!);
      return fn(db, ...args);
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
  {
    maxEntries,
    fingerprint,
    bytes,
  }: {
    maxEntries: number;
    fingerprint: (db: Db, ...args: A) => Promise<string>;
    /** A bound on what the entries hold, besides their count: each result's size, and the most kept. */
    bytes?: { of: (result: R) => number; max: () => number };
  },
) {
  type Entry = { fingerprint: string; result: Promise<R>; value?: R };
  const caches = processWide(name, () => new WeakMap<Db, Map<string, Entry>>());
  // Least recently used first; never the entry just used, so one larger than the bound still serves its request.
  const evict = (entries: Map<string, Entry>) => {
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    if (!bytes) return;
    let total = 0;
    for (const e of entries.values()) if (e.value !== undefined) total += bytes.of(e.value);
    for (const [key, e] of entries) {
      if (total <= bytes.max() || entries.size <= 1) break;
      entries.delete(key);
      if (e.value !== undefined) total -= bytes.of(e.value);
    }
  };
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
    const entry: Entry = { fingerprint: current, result: fn(db, ...args) };
    entries.set(key, entry);
    entry.result.then(
      (value) => {
        entry.value = value;
        if (entries.get(key) === entry) evict(entries);
      },
      () => entries.get(key) === entry && entries.delete(key),
    );
    evict(entries);
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
const watchedVersions = processWide("pg-data-version", () => new WeakMap<Db, () => string>());

/**
 * Changes whenever any connection, this one included, has committed a change. On SQLite
 * `PRAGMA data_version` (commits by other connections) and total_changes() (this one's, as tests
 * make), two synchronous statements; on PostgreSQL what the handle's watch last polled
 * (db/pg-data-version.ts, registered by `watchDataVersion`).
 */
export function dataVersion(db: Db): string {
  let statement = versionStatements.get(db);
  if (!statement) {
    if (isPostgres(db)) {
      const current = watchedVersions.get(db);
      if (!current)
        throw new Error("no data-version watch on this PostgreSQL handle: open it with openAppDb (db/app-db.ts)");
      statement = { run: current };
    } else {
      const own = db.$client.prepare("SELECT total_changes() AS n").pluck();
      const others = db.$client.prepare("PRAGMA data_version").pluck();
      statement = { run: () => `${others.get()}:${own.get()}` };
    }
    versionStatements.set(db, statement);
  }
  return statement.run();
}

/** Makes `dataVersion` of a PostgreSQL handle read `current` (a watch's last poll), in every module graph of the process. */
export function watchDataVersion(db: Db, current: () => string): void {
  watchedVersions.set(db, current);
}
