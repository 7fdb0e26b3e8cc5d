import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new upload token: 32 random bytes, URL-safe, prefixed so that it is recognisable in a leak scan. */
export function newToken(): string {
  return `hvs_${randomBytes(32).toString("base64url")}`;
}

/** What is stored of a token: its SHA-256, in hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Equal hashes, compared in constant time (a timing difference must not reveal a prefix). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether a dataset name matches a token's glob (`*` any run of characters, `?` one). */
export function datasetAllowed(pattern: string | null, dataset: string): boolean {
  if (pattern === null) return true;
  const source = [...pattern]
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, "u").test(dataset);
}
