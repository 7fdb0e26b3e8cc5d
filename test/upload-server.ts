import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { OpenDb } from "@/db/open";
import { listImports } from "@/db/queries/facets";
import { sqliteStore } from "@/db/store";
import { readEnv } from "@/lib/env";
import { handleUpload } from "@/lib/upload/handle-upload";
import { RateLimiter } from "@/lib/upload/rate-limit";

/**
 * Test support: `/api/imports` (GET lists imports, POST uploads) over real HTTP on a free loopback port, answered by the
 * route's own handler on `conn`, so a client (or a CLI in a child process) talks to it as to an
 * instance. Any other path is a 404 page, as a wrong address would give.
 */
export async function startUploadServer(conn: OpenDb): Promise<{ origin: string; close(): Promise<void> }> {
  const limiter = new RateLimiter(1000);
  const store = sqliteStore(conn);
  const server = createServer((req, res) => {
    void (async () => {
      if (!req.url?.startsWith("/api/imports")) {
        res.writeHead(404, { "content-type": "text/html" }).end("<h1>404</h1>");
        return;
      }
      const response =
        req.method === "GET"
          ? Response.json({ imports: await listImports(conn.db) })
          : await handleUpload(toRequest(req), store, { env: readEnv({}), limiter });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((e: unknown) => res.writeHead(500).end(String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  return new Request(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
}
