/**
 * The ids of the built-in use cases, apart from their catalog entries (use-cases.ts): the URL
 * contract (lib/search-params.ts) needs only these, and client components import it, so the
 * catalog's text and zod stay out of the browser bundles.
 */

/** The six use cases practitioners ask about: their weights and descriptions are in use-cases.ts. */
export const USE_CASE_IDS = [
  "multi-tenant-untrusted",
  "serverless",
  "web-services",
  "databases",
  "batch-hpc",
  "high-density",
] as const;
export type UseCaseId = (typeof USE_CASE_IDS)[number];

/** True when `s` is a built-in use case id. */
export function isUseCaseId(s: string): s is UseCaseId {
  return (USE_CASE_IDS as readonly string[]).includes(s);
}
