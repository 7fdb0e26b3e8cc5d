import { readEnv } from "@/lib/env";
import { openDb, type Db } from "./open";
import { connectPg, migratePg } from "./open-pg";
import { watchPgDataVersion, type DataVersionWatch } from "./pg-data-version";
import { watchDataVersion } from "./queries/read-cache";
import { asQueryHandle, pgStore, sqliteStore, type Store } from "./store";
import type { DbTarget } from "./target";

/** The database a server process reads and uploads into, on either engine. */
export interface AppDb {
  readonly kind: DbTarget["kind"];
  readonly label: string;
  /** What db/queries/* take. */
  readonly db: Db;
  /**
   * Resolves once the database is migrated and, on PostgreSQL, its data version is watched
   * (db/pg-data-version.ts); instrumentation.ts awaits it before the server answers.
   */
  ready(): Promise<void>;
  /** Where POST /api/imports imports: its commits reach the read caches of this process at once. */
  uploadStore(): Store;
  close(): Promise<void>;
}

/**
 * Opens the server's database without waiting: a SQLite file is opened and migrated at once; a
 * PostgreSQL pool connects on first use, and is migrated and watched by `ready`
 * (docs/decisions/018-app-on-postgresql.md).
 */
export function openAppDb(target: DbTarget, env = readEnv()): AppDb {
  return target.kind === "postgres"
    ? openPgApp(target.url, env.HVSCOPE_PG_POOL_SIZE)
    : openSqliteApp(target.path, target.label);
}

function openSqliteApp(path: string, label: string): AppDb {
  const conn = openDb(path);
  let upload: Store | undefined;
  return {
    kind: "sqlite",
    label,
    db: conn.db,
    ready: async () => {},
    // A connection of its own: reads must not share the import's open transaction, and
    // `PRAGMA data_version` changes only for commits made on another connection.
    uploadStore: () => (upload ??= sqliteStore(openDb(path), label)),
    close: async () => {
      conn.close();
      await upload?.close();
    },
  };
}

/**
 * `poolSize` (HVSCOPE_PG_POOL_SIZE, default 8): requests read on a few connections at once (the rest
 * of a request is JavaScript on one thread), an upload's import holds one, and the data version's
 * poll takes one for a moment (docs/deploy.md, "Connections").
 */
function openPgApp(url: string, poolSize: number): AppDb {
  const conn = connectPg(url, { poolSize });
  const db = asQueryHandle(conn);
  const store = pgStore(conn);
  let watch: DataVersionWatch | undefined;
  let ready: Promise<void> | undefined;
  return {
    kind: "postgres",
    label: conn.label,
    db,
    ready: () =>
      (ready ??= (async () => {
        await migratePg(conn.pool);
        watch = await watchPgDataVersion(conn.pool);
        watchDataVersion(db, watch.current);
      })()),
    uploadStore: () => ({
      ...store,
      // The uploader's next request must show the import without waiting for the next poll.
      importPaths: async (paths, options) => {
        const summary = await store.importPaths(paths, options);
        await watch?.refresh();
        return summary;
      },
      close: async () => {}, // the pool is the server's, closed with it
    }),
    close: async () => {
      watch?.stop();
      await conn.close();
    },
  };
}
