import type { Notice } from "../explore/selection";

/** JSON error bodies share one shape: `{ "error": "...", "notices": [...] }`. */
export function badRequest(error: string, notices: readonly Notice[] = []): Response {
  return Response.json({ error, notices }, { status: 400 });
}

/** The 400 for a link's warnings: their messages as the error, the notices themselves beside it. */
export function warningsResponse(warnings: readonly Notice[]): Response {
  return badRequest(warnings.map((n) => n.message).join(" "), warnings);
}

/** Logs an unexpected failure under the route's tag and answers a 500 that names no internals. */
export function internalError(tag: string, e: unknown): Response {
  console.error(`[api/${tag}]`, e);
  return Response.json({ error: "internal error while reading the database" }, { status: 500 });
}

/**
 * Wraps a route handler: unexpected failures are logged with the route's tag and answered
 * with a 500 that names no internals; expected problems return their own 400s.
 */
export function handle(tag: string, fn: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      return await fn(request);
    } catch (e) {
      return internalError(tag, e);
    }
  };
}

/**
 * A JSON body serialised once per cached view and kept as bytes (a string would be encoded to
 * UTF-8 again on every response). Handed over as a stream: undici copies a byte array given to
 * Response on every request, and the stream served more requests per second
 * (docs/performance.md). Nothing downstream transfers the chunk, so the cached bytes stay intact
 * (sent chunked, without a Content-Length). Next.js compresses the stream when the client accepts
 * gzip: a body compressed here would be compressed twice, since Next.js ignores a route's
 * Content-Encoding.
 */
export function cachedJsonResponse(bytes: Uint8Array): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/json" } });
}
