/**
 * Minimal GET /api/overhead (node:http + better-sqlite3 or pg, no framework), the floor that
 * bench:perf measures the real route against. Loopback only.
 * The database is --db, else DATABASE_URL or HVSCOPE_DB (as every CLI: db/target.ts):
 *   tsx scripts/perf/min-server.ts [--db FILE|postgres://…] --port 3141
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { resolveTarget } from "@/db/target";
import { readEnv } from "@/lib/env";
import {
  overheadResponse,
  parseOverheadQuery,
  pgOverheadReads,
  sqliteOverheadReads,
  type OverheadReads,
} from "@/scripts/perf/overhead-query";

const { values } = parseArgs({ options: { db: { type: "string" }, port: { type: "string", default: "3141" } } });
const { reads, close } = openFloor(values.db);

function openFloor(db: string | undefined): { reads: OverheadReads; close: () => void } {
  const target = resolveTarget(db);
  if (target.kind === "postgres") {
    // As many connections as the app server's pool (db/app-db.ts), so both can read as much at once.
    const pool = new pg.Pool({ connectionString: target.url, max: readEnv().HVSCOPE_PG_POOL_SIZE });
    return { reads: pgOverheadReads(pool), close: () => void pool.end() };
  }
  // Same connection settings as db/open.ts, minus migrations: the database is already built.
  const client = new Database(target.path, { fileMustExist: true });
  client.pragma("journal_mode = WAL");
  client.pragma("busy_timeout = 5000");
  return { reads: sqliteOverheadReads(client), close: () => client.close() };
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (url.pathname === "/health") return send(200, { ok: true });
  if (url.pathname !== "/api/overhead") return send(404, { error: "not found" });
  // Any failure, a bad parameter or a failed query, answers 400 with its message.
  Promise.resolve()
    .then(() => overheadResponse(reads, parseOverheadQuery(url.searchParams)))
    .then(
      (body) => send(200, body),
      (e: unknown) => send(400, { error: e instanceof Error ? e.message : String(e) }),
    );
});
// The port it got, for --port 0 (the tests).
server.listen(Number(values.port), "127.0.0.1", () => {
  const address = server.address();
  console.log(`min-server on http://127.0.0.1:${typeof address === "object" && address ? address.port : values.port}`);
});
const stop = () => server.close(close);
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
