/**
 * Plain JS because Node 20 cannot import TypeScript here; the environment is validated at
 * server start by instrumentation.ts instead.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  // Native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
  // No "X-Powered-By: Next.js": it tells a scanner which exploits to try.
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // Raw files are served as text/plain: a browser must never sniff them into HTML or script.
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Permalinks carry the whole view in the query string; other sites need only the origin.
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // For browsers without CSP frame-ancestors. Embeds (/embed/...) are made to be framed.
        source: "/:path((?!embed/).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
      {
        // JSON, CSV and raw text: nothing in them may load or run anything. Pages get a
        // per-request nonce policy from proxy.ts instead (lib/http/csp.ts).
        source: "/api/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
          },
        ],
      },
    ];
  },
};

export default nextConfig;
