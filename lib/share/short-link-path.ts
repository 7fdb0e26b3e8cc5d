/** Pages whose permalinks a short link may name. */
const SHAREABLE_PAGES = ["/", "/explore", "/guide", "/synthesis"] as const;

export type ShortLinkRequest = { ok: true; path: string; asof: number } | { ok: false; error: string };

/**
 * Checks what a short link is asked to stand for: a permalink of a shareable page, given as a
 * path with its query, with `asof` pinned to an import (so that it never changes meaning).
 */
export function readShortLinkRequest(body: unknown): ShortLinkRequest {
  const path = typeof body === "object" && body !== null ? (body as { path?: unknown }).path : undefined;
  if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//"))
    return { ok: false, error: 'Expected a JSON body {"path": "/explore?…"}: the permalink\'s path and query.' };
  const url = new URL(path, "http://hvscope.invalid");
  if (!(SHAREABLE_PAGES as readonly string[]).includes(url.pathname))
    return { ok: false, error: `"path" must be a permalink of ${SHAREABLE_PAGES.join(", ")}; got ${url.pathname}.` };
  const asof = url.searchParams.get("asof");
  if (asof === null || !/^\d+$/.test(asof))
    return { ok: false, error: `"path" must pin "asof" to an import id (a whole number); got ${asof ?? "none"}.` };
  return { ok: true, path: `${url.pathname}${url.search}`, asof: Number(asof) };
}
