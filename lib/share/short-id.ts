import { createHash } from "node:crypto";

/** Characters of a short id: 60 bits of the hash, enough that two permalinks practically never meet. */
export const SHORT_ID_LENGTH = 10;

/** A short id is URL-safe base64 (A–Z, a–z, 0–9, - and _), nothing else. */
export const isShortId = (id: string): boolean => /^[A-Za-z0-9_-]{10,43}$/.test(id);

/**
 * The ids a permalink may take, shortest first: prefixes of its SHA-256 in URL-safe base64.
 * Derived from the path alone, so the same permalink gets the same id on every server; a longer
 * prefix serves only if a shorter one already names another path (decision 014).
 */
export function shortIdCandidates(path: string): string[] {
  const digest = createHash("sha256").update(path).digest("base64url");
  const lengths = [SHORT_ID_LENGTH, 12, 16, 24, digest.length];
  return lengths.map((n) => digest.slice(0, n));
}
