import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./e2e/chromium";
import { E2E_DB, E2E_ON_POSTGRES, e2ePgUrl } from "./e2e/db-path";

// Another port lets a second checkout run its browser tests at the same time.
const PORT = Number(process.env.HVSCOPE_E2E_PORT ?? 3123);

// The suite runs twice in CI: on SQLite, then on PostgreSQL (e2e/on-postgres.ts). An empty
// DATABASE_URL keeps a developer's own setting from turning the SQLite run into a PostgreSQL one.
const DATABASE: Record<string, string> = E2E_ON_POSTGRES
  ? { DATABASE_URL: e2ePgUrl() }
  : { DATABASE_URL: "", HVSCOPE_DB: E2E_DB };

export default defineConfig({
  testDir: "./e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 2 : 0,
  workers: 1,
  reporter: process.env.CI
    ? [["line"], ["json", { outputFile: E2E_ON_POSTGRES ? ".ci/playwright-pg.json" : ".ci/playwright.json" }]]
    : "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices["Desktop Chrome"],
    trace: "on-first-retry",
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    // The database is built first, by the same command, so the server opens the finished file.
    command: `npx tsx e2e/build-db.ts && npx next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/api/imports`,
    env: DATABASE,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
