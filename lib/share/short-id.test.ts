import { describe, expect, it } from "vitest";
import { isShortId, shortIdCandidates, SHORT_ID_LENGTH } from "./short-id";

describe("shortIdCandidates", () => {
  it("derives URL-safe prefixes of the path's SHA-256, shortest first, the same on every call", () => {
    const ids = shortIdCandidates("/explore?dataset=gvisor-website&asof=3");
    expect(ids[0]).toHaveLength(SHORT_ID_LENGTH);
    expect(ids.map((i) => i.length)).toEqual([10, 12, 16, 24, 43]);
    for (const id of ids) expect(ids.at(-1)!.startsWith(id)).toBe(true);
    expect(ids.every(isShortId)).toBe(true);
    expect(shortIdCandidates("/explore?dataset=gvisor-website&asof=3")).toEqual(ids);
    expect(shortIdCandidates("/explore?dataset=gvisor-website&asof=4")[0]).not.toBe(ids[0]);
  });

  it("accepts only ids it could have made", () => {
    expect(isShortId("abc")).toBe(false);
    expect(isShortId("abcdefghi/")).toBe(false);
    expect(isShortId("abcdefghi%")).toBe(false);
    expect(isShortId("Ab-_012345")).toBe(true);
  });
});
