import type { OpenDb } from "./open";

let savepoints = 0;

/**
 * Runs `fn` atomically. better-sqlite3's own `transaction()` rejects async callbacks, and
 * our queries are awaited (portable to node-postgres), so we issue BEGIN/COMMIT ourselves.
 * That is safe because the connection is private to this process and callers do not run
 * other queries on it concurrently. Nested calls become savepoints (dry runs wrap the whole
 * import in one outer transaction that is rolled back).
 */
export async function withTransaction<T>(conn: OpenDb, fn: () => Promise<T>): Promise<T> {
  const nested = conn.client.inTransaction;
  const name = `sp${++savepoints}`;
  conn.client.exec(nested ? `SAVEPOINT ${name}` : "BEGIN IMMEDIATE");
  try {
    const result = await fn();
    conn.client.exec(nested ? `RELEASE ${name}` : "COMMIT");
    return result;
  } catch (e) {
    conn.client.exec(nested ? `ROLLBACK TO ${name}; RELEASE ${name}` : "ROLLBACK");
    throw e;
  }
}
