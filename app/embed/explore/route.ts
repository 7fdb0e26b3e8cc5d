import type { NextRequest } from "next/server";
import { loadSharedView, sharedCacheControl } from "@/app/_lib/shared-view";
import { EMBED_CSP, EMBED_MAX_BARS, embedHtml } from "@/lib/share/embed-html";
import { NO_DATA_SUMMARY, summarizeView } from "@/lib/share/view-summary";

export const dynamic = "force-dynamic";

/**
 * One chart of an /explore permalink (same parameters) for an iframe: no site navigation and no
 * script. The only route any site may frame (next.config.js, proxy.ts).
 */
export async function GET(request: NextRequest) {
  const shared = await loadSharedView(Object.fromEntries(request.nextUrl.searchParams));
  const summary = shared
    ? summarizeView(shared.data.selection, shared.data.table.rows, EMBED_MAX_BARS)
    : NO_DATA_SUMMARY;
  const fullView = new URL(`/explore${shared?.query ?? ""}`, request.nextUrl.origin).toString();
  return new Response(embedHtml(summary, fullView), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": EMBED_CSP,
      "cache-control": sharedCacheControl(shared?.immutable ?? false),
    },
  });
}
