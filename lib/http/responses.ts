import type { Notice } from "../explore/selection";

/** JSON error bodies share one shape: `{ "error": "...", "notices": [...] }`. */
export function badRequest(error: string, notices: Notice[] = []): Response {
  return Response.json({ error, notices }, { status: 400 });
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
