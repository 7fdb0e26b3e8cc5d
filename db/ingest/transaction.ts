import type { OpenDb } from "../open";

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

/**
 * Group commit for bulk writes: callers still make each unit atomic with withTransaction
 * (which becomes a savepoint inside the group), but the group's COMMIT, whose page writes
 * cost more than a small file's inserts, happens at most every `windowMs`. A crash loses at
 * most the last window's units, each whole; nothing is ever half-written. Inside an outer
 * transaction (a dry run) it does nothing: the outer one decides.
 */
export class CommitGroup {
  private openedAt: number | null = null;
  private dataVersion: unknown;

  constructor(
    private readonly conn: OpenDb,
    private readonly windowMs: number,
    /** Called when another connection committed since this group last looked: caches of what is stored are stale. */
    private readonly onForeignWrite: () => void,
  ) {}

  /** Opens a group unless one (ours or an outer transaction) is open. */
  enter(): void {
    if (this.conn.client.inTransaction) return;
    this.conn.client.exec("BEGIN IMMEDIATE");
    this.openedAt = performance.now();
    this.noticeForeignWrites();
  }

  /**
   * Calls onForeignWrite if another connection committed since the last look. data_version
   * changes only then: the cheap way to know whether what this process cached still holds.
   */
  noticeForeignWrites(): void {
    const version = this.conn.client.pragma("data_version", { simple: true });
    if (version !== this.dataVersion) this.onForeignWrite();
    this.dataVersion = version;
  }

  /** True when the open group's window has passed: time to write what it waits on and commit. */
  due(): boolean {
    return this.openedAt !== null && performance.now() - this.openedAt >= this.windowMs;
  }

  /** Commits the open group, if this group opened one. */
  commit(): void {
    if (this.openedAt === null) return;
    this.openedAt = null;
    this.conn.client.exec("COMMIT");
  }

  /** Drops the open group and everything in it, if this group opened one. */
  rollback(): void {
    if (this.openedAt === null) return;
    this.openedAt = null;
    if (this.conn.client.inTransaction) this.conn.client.exec("ROLLBACK");
  }
}
