import { describe, expect, it } from "vitest";
import { datasetAllowed, hashToken, newToken, sameHash } from "./token";

describe("upload tokens", () => {
  it("are random, and only their hash is compared", () => {
    const a = newToken();
    expect(a).toMatch(/^hvs_[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(sameHash(hashToken(a), hashToken(a))).toBe(true);
    expect(sameHash(hashToken(a), hashToken(`${a}x`))).toBe(false);
  });

  it("limit datasets by a glob in which only * and ? are special", () => {
    expect(datasetAllowed(null, "anything")).toBe(true);
    expect(datasetAllowed("kata-*", "kata-nightly")).toBe(true);
    expect(datasetAllowed("kata-*", "firecracker-nightly")).toBe(false);
    expect(datasetAllowed("ci-202?", "ci-2026")).toBe(true);
    expect(datasetAllowed("a.b", "axb")).toBe(false);
    expect(datasetAllowed("(x)|y", "y")).toBe(false);
  });
});
