import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageCsp } from "@/lib/http/csp";

/** A path segment that is not valid percent-encoding (`%ZZ`, a cut-off `%E0%A4%A`). */
function malformedPath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

const BAD_PATH = "This address is not valid: a % in its path must start an escape such as %20.";

/**
 * Runs before routing, for pages and the API. Next.js answers a path it cannot decode with a bare
 * 500 (it looks for a /400 page the app router does not have), so such paths get a 400 here. Page
 * requests then get their own CSP nonce (lib/http/csp.ts): Next.js reads it back from the request's
 * Content-Security-Policy header while rendering; the layout reads `x-nonce` for next-themes.
 * API routes get their fixed headers from next.config.js, and only those whose path has a % come
 * here at all (see the matcher).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  if (malformedPath(pathname)) {
    if (api) return NextResponse.json({ error: BAD_PATH, notices: [] }, { status: 400 });
    const html = `<!doctype html><meta charset="utf-8"><title>Bad address · hvscope</title><h1>Bad address</h1><p>${BAD_PATH}</p><p><a href="/">Go to the overview</a></p>`;
    return new NextResponse(html, {
      status: 400,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      },
    });
  }
  // Embeds send their own policy, which lets other sites frame them (lib/share/embed-html.ts).
  if (api || pathname.startsWith("/embed/")) return NextResponse.next();
  const nonce = newNonce();
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the build assets or the icon. Prefetches carry data, not scripts to run. API paths
      // without a % cannot be malformed, and running the proxy for them cost cached /api/overhead
      // much of its throughput (docs/performance.md).
      source: "/((?!_next/static|_next/image|icon.svg|favicon.ico|api/[^%]*$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
