/**
 * The app's own GET /api/overhead (read cache, host summaries, body bytes) behind a bare
 * node:http server: what the route costs without Next.js's request pipeline. No validation
 * notices, headers or compression; for perf:cpu --bare only. Loopback only. Run under the
 * `react-server` export condition (the query modules import `server-only`):
 *   node --conditions react-server --import tsx scripts/perf/bare-server.ts --port 3189
 * The database is HVSCOPE_DB or DATABASE_URL, as for the app.
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { db } from "@/db";
import { getExploreData, hasSelection } from "@/db/queries/explore";
import { viewBodyBytes } from "@/lib/overhead/json-body";
import { loadFilters } from "@/lib/search-params";

const { values } = parseArgs({ options: { port: { type: "string", default: "3189" } } });

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  getExploreData(db, loadFilters(url.searchParams), Object.fromEntries(url.searchParams)).then(
    (data) => {
      res.setHeader("content-type", "application/json");
      if (url.pathname === "/api/overhead" && hasSelection(data)) res.end(viewBodyBytes(data));
      else {
        res.statusCode = 400;
        res.end('{"error":"no view"}');
      }
    },
    (e: unknown) => {
      res.statusCode = 500;
      res.end(String(e));
    },
  );
}).listen(Number(values.port), "127.0.0.1");
