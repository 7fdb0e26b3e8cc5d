/**
 * Content-Security-Policy of the HTML pages, with a fresh nonce per request (proxy.ts). Next.js
 * reads the nonce from this header and puts it on its own scripts (bootstrap, RSC payload pushes,
 * chunks); next-themes gets it through the root layout. With 'strict-dynamic' only those scripts
 * and what they load may run: an injected `<script>` or `onerror=` attribute has no nonce.
 */
export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    // 'unsafe-eval' in development only: React's dev build uses eval for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Styles cannot run code. React renders chart and layout styles as style="" attributes,
    // which a nonce cannot cover, so inline styles stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The dev server's hot reload talks over a WebSocket to the same host.
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // No upgrade-insecure-requests: the dashboard is often served over plain HTTP on a LAN,
    // where upgrading its own requests to HTTPS would break every asset.
  ].join("; ");
}

/** A random nonce: 128 bits, base64 (Web Crypto, so it runs wherever the proxy runs). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
