/**
 * Minimal GET /api/overhead (node:http + better-sqlite3, no framework), the floor that
 * bench:perf measures the real route against. Loopback only.
 *   tsx scripts/perf/min-server.ts --db FILE --port 3141
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { overheadResponse, parseOverheadQuery, prepareOverheadQuery } from "@/scripts/perf/overhead-query";

const { values } = parseArgs({ options: { db: { type: "string" }, port: { type: "string", default: "3141" } } });
if (!values.db) throw new Error("--db FILE is required");

// Same connection settings as db/open.ts, minus migrations: the database is already built.
const client = new Database(values.db, { fileMustExist: true });
client.pragma("journal_mode = WAL");
client.pragma("busy_timeout = 5000");
const statements = prepareOverheadQuery(client);

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (url.pathname === "/health") return send(200, { ok: true });
  if (url.pathname !== "/api/overhead") return send(404, { error: "not found" });
  try {
    send(200, overheadResponse(statements, parseOverheadQuery(url.searchParams)));
  } catch (e) {
    send(400, { error: e instanceof Error ? e.message : String(e) });
  }
});
server.listen(Number(values.port), "127.0.0.1", () => console.log(`min-server on http://127.0.0.1:${values.port}`));
const stop = () => server.close(() => client.close());
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
