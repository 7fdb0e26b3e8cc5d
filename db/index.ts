import "server-only";
import { readEnv } from "@/lib/env";
import { openDb, type OpenDb } from "./open";

// One connection per server process; cached on globalThis so dev-mode HMR does not leak handles.
const globalForDb = globalThis as unknown as { hvscopeDb?: OpenDb; hvscopeUploadDb?: OpenDb };

function getConnection(): OpenDb {
  // Phase 1 of issue 21 moved the CLIs only: say so rather than serve other data silently.
  if (!globalForDb.hvscopeDb && readEnv().DATABASE_URL)
    console.warn(`DATABASE_URL is set, but the dashboard reads SQLite only for now: ${readEnv().HVSCOPE_DB}`);
  globalForDb.hvscopeDb ??= openDb(readEnv().HVSCOPE_DB);
  return globalForDb.hvscopeDb;
}

export const db = getConnection().db;

/**
 * A second connection for uploads (POST /api/imports). Reads must not share the import's open
 * transaction, and the read caches notice new data by `PRAGMA data_version`, which changes only
 * for commits made on another connection.
 */
export function uploadConnection(): OpenDb {
  globalForDb.hvscopeUploadDb ??= openDb(readEnv().HVSCOPE_DB);
  return globalForDb.hvscopeUploadDb;
}
