export interface HammerStats {
  requests: number;
  /** Per path: requests and latencies in ms. */
  byPath: Map<string, number[]>;
  errors: string[];
}

/** The q-th quantile (0..1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * A database that made a reader wait too long or give up: SQLite's busy errors, PostgreSQL's lock,
 * deadlock and connection-limit errors.
 */
export const LOCK_ERROR =
  /SQLITE_BUSY|database is locked|deadlock detected|could not serialize access|lock timeout|too many clients/i;

/**
 * `workers` loops that GET the paths in turn, each waiting for the whole body, until `until`
 * settles. Anything but a 200 counts as an error, and so does a body that names a lock error
 * (LOCK_ERROR): an API or page that swallowed SQLITE_BUSY into a message would otherwise pass.
 */
export async function hammer(
  base: string,
  paths: readonly string[],
  workers: number,
  until: Promise<unknown>,
): Promise<HammerStats> {
  let done = false;
  void until.finally(() => (done = true));
  const stats: HammerStats = { requests: 0, byPath: new Map(paths.map((p) => [p, []])), errors: [] };
  const worker = async (offset: number) => {
    for (let i = offset; !done; i++) {
      const path = paths[i % paths.length]!;
      const started = performance.now();
      try {
        const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(60_000) });
        const body = await res.text();
        if (res.status !== 200 || LOCK_ERROR.test(body))
          stats.errors.push(`${res.status} ${path}: ${body.slice(0, 200)}`);
      } catch (e) {
        stats.errors.push(`${path}: ${e instanceof Error ? e.message : String(e)}`);
      }
      stats.requests++;
      stats.byPath.get(path)!.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, k) => worker(k)));
  return stats;
}
