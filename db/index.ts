import "server-only";
import { openAppDb, type AppDb } from "./app-db";
import { resolveTarget } from "./target";

// One per server process, on globalThis: dev-mode HMR must not leak handles, and instrumentation.ts
// runs in a module graph of its own (docs/decisions/016-host-summaries.md).
const globalForDb = globalThis as unknown as { hvscopeApp?: AppDb };
const app = (globalForDb.hvscopeApp ??= openAppDb(resolveTarget()));

/** The database the dashboard and API read: `DATABASE_URL` when it is a postgres:// URL, else the SQLite file `HVSCOPE_DB`. */
export const db = app.db;

/** Resolves once `db` is migrated and its changes are watched (instrumentation.ts awaits it before the first request). */
export const dbReady = () => app.ready();

/** Where POST /api/imports imports (lib/upload/handle-upload.ts). */
export const uploadStore = () => app.uploadStore();
