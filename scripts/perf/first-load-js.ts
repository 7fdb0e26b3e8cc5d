/**
 * First-load JavaScript per route of a production build, from the build's manifests.
 *
 * Method: `next build` (16, Turbopack) no longer prints sizes, so we rebuild the number the
 * older build output called "First Load JS". A route's first navigation loads
 *   - the root main files of `.next/build-manifest.json` (`rootMainFiles`: React, the router
 *     runtime), sent as <script> tags by every app route, and
 *   - the client chunks of every segment the route renders: `entryJSFiles` of its
 *     `.next/server/app/<route>/page_client-reference-manifest.js` (root layout, error and
 *     not-found boundaries, the page), which the RSC payload tells the browser to load
 *     before hydration.
 * Chunks are counted once each and gzipped at level 9 (what a static host or CDN serves).
 * Polyfills (`polyfillFiles`, loaded with `nomodule` by legacy browsers only), CSS and
 * chunks loaded later by dynamic `import()` are not counted.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface RouteManifest {
  entryJSFiles: Record<string, string[]>;
}

/** The manifests are JS assignments to globalThis.__RSC_MANIFEST; their right-hand side is JSON. */
export function parseClientReferenceManifest(js: string): Record<string, RouteManifest> {
  const out: Record<string, RouteManifest> = {};
  const assignment = /globalThis\.__RSC_MANIFEST\[("(?:[^"\\]|\\.)*")\]\s*=\s*/g;
  for (const m of js.matchAll(assignment)) {
    const start = m.index + m[0].length;
    const end = js.indexOf("\n", start);
    const json = js.slice(start, end === -1 ? undefined : end).replace(/;\s*$/, "");
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== "object" || parsed === null || !("entryJSFiles" in parsed))
      throw new Error(`client reference manifest for ${m[1]} has no entryJSFiles`);
    out[JSON.parse(m[1]!) as string] = parsed as RouteManifest;
  }
  return out;
}

/** Root main files first, then each segment's chunks, each chunk once. */
export function firstLoadChunks(rootMainFiles: readonly string[], manifest: RouteManifest): string[] {
  return [...new Set([...rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])].filter((f) =>
    f.endsWith(".js"),
  );
}

export interface RouteJs {
  route: string;
  chunks: number;
  rawBytes: number;
  gzipBytes: number;
}

/** Every page route (not API route handlers) of the build in `appDir/.next`. */
export function measureFirstLoadJs(appDir: string): RouteJs[] {
  const next = join(appDir, ".next");
  if (!existsSync(join(next, "BUILD_ID")))
    throw new Error(`no production build in ${next}: run \`npx next build\` in ${appDir} first`);
  const build = JSON.parse(readFileSync(join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const routes = JSON.parse(readFileSync(join(next, "app-path-routes-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (chunk: string) => {
    let s = sizes.get(chunk);
    if (!s) {
      const bytes = readFileSync(join(next, chunk));
      sizes.set(chunk, (s = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }));
    }
    return s;
  };
  const out: RouteJs[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (!entry.endsWith("/page") || route.startsWith("/_global-error")) continue;
    const file = join(next, "server", "app", `${entry}_client-reference-manifest.js`);
    const manifest = parseClientReferenceManifest(readFileSync(file, "utf8"))[entry];
    if (!manifest) throw new Error(`${file} has no manifest for ${entry}`);
    const chunks = firstLoadChunks(build.rootMainFiles, manifest);
    out.push({
      route,
      chunks: chunks.length,
      rawBytes: chunks.reduce((n, c) => n + sizeOf(c).raw, 0),
      gzipBytes: chunks.reduce((n, c) => n + sizeOf(c).gzip, 0),
    });
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}
