import "server-only";
import { readEnv } from "@/lib/env";
import { openDb, type OpenDb } from "./open";

// One connection per server process; cached on globalThis so dev-mode HMR does not leak handles.
const globalForDb = globalThis as unknown as { hvscopeDb?: OpenDb };

function getConnection(): OpenDb {
  globalForDb.hvscopeDb ??= openDb(readEnv().HVSCOPE_DB);
  return globalForDb.hvscopeDb;
}

export const db = getConnection().db;
