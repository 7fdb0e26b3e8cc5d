/** The database the e2e server reads, built by e2e/build-db.ts from real data only. */
export const E2E_DB = "e2e/.data/e2e.db";
