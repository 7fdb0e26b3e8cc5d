/** The database the e2e server reads, built by e2e/build-db.ts from real data only. */
export const E2E_DB = "e2e/.data/e2e.db";

/** The upload token e2e/build-db.ts creates in that database, for e2e/upload.spec.ts (only its hash is stored there). */
export const E2E_UPLOAD_TOKEN_FILE = "e2e/.data/upload-token";
