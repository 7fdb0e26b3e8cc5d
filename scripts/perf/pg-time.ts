import pg from "pg";
import type { SqliteTime } from "@/scripts/perf/sqlite-time";

export type PgTime<T> = Omit<SqliteTime<T>, "sqliteMs"> & {
  /** Time from each `client.query` call to its answer (the server's work plus the round trip), in ms. */
  pgMs: number;
};

type Query = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Runs `fn` with every `pg` client query timed from call to answer, so a benchmark can say how much
 * of a pipeline's time it waits for PostgreSQL, as scripts/perf/sqlite-time.ts does for SQLite. The
 * pipelines measured wait for each query before the next, so the times add up without overlap. For
 * benchmarks only: it patches the driver's prototype for the duration of the call.
 */
export async function timePg<T>(fn: () => Promise<T>): Promise<PgTime<T>> {
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const totals = new Map<string, { ms: number; calls: number }>();
  const record = (first: unknown, started: number) => {
    const text = typeof first === "string" ? first : String((first as { text?: string }).text ?? "");
    const sql = text.replace(/\s+/g, " ").trim().slice(0, 70);
    const t = totals.get(sql) ?? totals.set(sql, { ms: 0, calls: 0 }).get(sql)!;
    t.ms += performance.now() - started;
    t.calls++;
  };
  proto.query = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const last = args.at(-1);
    // pg-pool's own query passes a callback; drizzle and the limit loop await the promise.
    if (typeof last === "function") {
      args[args.length - 1] = (...results: unknown[]) => {
        record(args[0], started);
        return (last as (...r: unknown[]) => unknown)(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) return result.finally(() => record(args[0], started));
    return result;
  };
  try {
    const result = await fn();
    const statements = [...totals].map(([sql, t]) => ({ sql, ...t })).sort((a, b) => b.ms - a.ms);
    return { result, pgMs: statements.reduce((sum, s) => sum + s.ms, 0), statements };
  } finally {
    proto.query = original;
  }
}
