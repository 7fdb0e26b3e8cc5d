import { describe, expect, it } from "vitest";
import { readShortLinkRequest } from "./short-link-path";

describe("readShortLinkRequest", () => {
  it("accepts a pinned permalink of a shareable page, path and query as given", () => {
    expect(readShortLinkRequest({ path: "/explore?dataset=a&asof=4" })).toEqual({
      ok: true,
      path: "/explore?dataset=a&asof=4",
      asof: 4,
    });
    expect(readShortLinkRequest({ path: "/?asof=1" })).toMatchObject({ ok: true, asof: 1 });
  });

  it("refuses anything else with the reason", () => {
    expect(readShortLinkRequest(null)).toMatchObject({ ok: false, error: expect.stringContaining('{"path"') });
    expect(readShortLinkRequest({ path: "https://evil.example/explore?asof=1" })).toMatchObject({ ok: false });
    expect(readShortLinkRequest({ path: "//evil.example/explore?asof=1" })).toMatchObject({ ok: false });
    expect(readShortLinkRequest({ path: "/api/overhead?asof=1" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("/api/overhead"),
    });
    expect(readShortLinkRequest({ path: "/explore?dataset=a" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("got none"),
    });
    expect(readShortLinkRequest({ path: "/explore?asof=latest" })).toMatchObject({ ok: false });
  });
});
