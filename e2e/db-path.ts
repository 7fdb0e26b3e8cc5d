/** The database the e2e server reads, built by e2e/build-db.ts from real data only. */
export const E2E_DB = "e2e/.data/e2e.db";

/** The upload token e2e/build-db.ts creates in that database, for e2e/upload.spec.ts (only its hash is stored there). */
export const E2E_UPLOAD_TOKEN_FILE = "e2e/.data/upload-token";

/** Set by `npm run test:e2e:pg` (e2e/on-postgres.ts): the same suite with the app on PostgreSQL. */
export const E2E_ON_POSTGRES = process.env.HVSCOPE_E2E_ENGINE === "postgres";

/** The database e2e/build-db.ts builds for that run, on the test server (HVSCOPE_TEST_PG_URL; .ci/start-postgres). */
export function e2ePgUrl(): string {
  const server = process.env.HVSCOPE_TEST_PG_URL;
  if (!server)
    throw new Error("the PostgreSQL e2e run needs HVSCOPE_TEST_PG_URL (a server; .ci/start-postgres starts one)");
  const url = new URL(server);
  url.pathname = "/hvscope_e2e";
  return url.toString();
}
