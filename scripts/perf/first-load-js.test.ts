import { describe, expect, it } from "vitest";
import { firstLoadChunks, parseClientReferenceManifest } from "./first-load-js";

// Shape of .next/server/app/explore/page_client-reference-manifest.js (Next 16, Turbopack), trimmed.
const MANIFEST_JS = `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};
globalThis.__RSC_MANIFEST["/explore/page"] = {"moduleLoading":{"prefix":""},"entryCSSFiles":{},"entryJSFiles":{"[project]/app/layout":["static/chunks/a.js","static/chunks/b.js"],"[project]/app/explore/page":["static/chunks/a.js","static/chunks/p.js","static/chunks/s.css"]}};
`;

describe("first-load JS from the build manifests", () => {
  it("parses the client reference manifest's JSON", () => {
    const parsed = parseClientReferenceManifest(MANIFEST_JS);
    expect(Object.keys(parsed)).toEqual(["/explore/page"]);
    expect(parsed["/explore/page"]!.entryJSFiles["[project]/app/layout"]).toEqual([
      "static/chunks/a.js",
      "static/chunks/b.js",
    ]);
  });

  it("counts root main files and every segment's chunks once, JS only", () => {
    const manifest = parseClientReferenceManifest(MANIFEST_JS)["/explore/page"]!;
    expect(firstLoadChunks(["static/chunks/main.js", "static/chunks/a.js"], manifest)).toEqual([
      "static/chunks/main.js",
      "static/chunks/a.js",
      "static/chunks/b.js",
      "static/chunks/p.js",
    ]);
  });

  it("fails clearly on a manifest without entryJSFiles", () => {
    expect(() => parseClientReferenceManifest('globalThis.__RSC_MANIFEST["/x/page"] = {"clientModules":{}};')).toThrow(
      /\/x\/page.*entryJSFiles/,
    );
  });
});
