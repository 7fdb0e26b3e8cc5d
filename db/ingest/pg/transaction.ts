import type pg from "pg";

/** PostgreSQL's codes for a transaction that lost a deadlock or a serialization check: retry it. */
const RETRYABLE = new Set(["40P01", "40001"]);
const ATTEMPTS = 5;

/**
 * Transactions on one dedicated connection: the outermost call is BEGIN/COMMIT, nested calls
 * (a dry run's files) savepoints. An outermost transaction that loses a deadlock (two importers
 * of different datasets adding the same workloads in another order) is retried whole.
 */
export class PgTransactions {
  private depth = 0;
  private savepoints = 0;

  constructor(private readonly client: pg.PoolClient) {}

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  async run<T>(fn: () => Promise<T>, { onRetry }: { onRetry?: () => void } = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(fn);
      } catch (e) {
        const retry = this.depth === 0 && attempt < ATTEMPTS && RETRYABLE.has((e as { code?: string }).code ?? "");
        if (!retry) throw e;
        onRetry?.();
      }
    }
  }

  private async once<T>(fn: () => Promise<T>): Promise<T> {
    const name = this.depth > 0 ? `sp${++this.savepoints}` : null;
    await this.client.query(name ? `SAVEPOINT ${name}` : "BEGIN");
    this.depth++;
    try {
      const result = await fn();
      await this.client.query(name ? `RELEASE SAVEPOINT ${name}` : "COMMIT");
      return result;
    } catch (e) {
      await this.client.query(name ? `ROLLBACK TO SAVEPOINT ${name}` : "ROLLBACK");
      throw e;
    } finally {
      this.depth--;
    }
  }
}
