import Database from "better-sqlite3";

export interface SqliteTime<T> {
  result: T;
  /** Time inside better-sqlite3 calls (SQLite itself plus the binding), in ms. */
  sqliteMs: number;
  /** Per statement, slowest total first: its SQL (shortened), total ms, calls. */
  statements: { sql: string; ms: number; calls: number }[];
}

const METHODS = ["run", "get", "all", "iterate"] as const;

/**
 * Runs `fn` with every better-sqlite3 statement call and `exec` timed, so a benchmark can say
 * how much of a pipeline's time SQLite itself takes, whatever the ORM above it does. For
 * benchmarks only: it patches the driver's prototypes for the duration of the call.
 */
export async function timeSqlite<T>(fn: () => Promise<T>): Promise<SqliteTime<T>> {
  const probe = new Database(":memory:");
  const statementProto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  probe.close();
  const dbProto = Database.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const totals = new Map<string, { ms: number; calls: number }>();
  const timed = (original: (...args: unknown[]) => unknown, sqlOf: (self: unknown, args: unknown[]) => string) =>
    function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const sql = sqlOf(this, args).replace(/\s+/g, " ").trim().slice(0, 70);
        const t = totals.get(sql) ?? totals.set(sql, { ms: 0, calls: 0 }).get(sql)!;
        t.ms += performance.now() - started;
        t.calls++;
      }
    };
  const originals = METHODS.map((m) => statementProto[m]!);
  const originalExec = dbProto.exec!;
  METHODS.forEach((m, i) => (statementProto[m] = timed(originals[i]!, (self) => (self as { source: string }).source)));
  dbProto.exec = timed(originalExec, (_, args) => String(args[0]));
  try {
    const result = await fn();
    const statements = [...totals].map(([sql, t]) => ({ sql, ...t })).sort((a, b) => b.ms - a.ms);
    return { result, sqliteMs: statements.reduce((sum, s) => sum + s.ms, 0), statements };
  } finally {
    METHODS.forEach((m, i) => (statementProto[m] = originals[i]!));
    dbProto.exec = originalExec;
  }
}
