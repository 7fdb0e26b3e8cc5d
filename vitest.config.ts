import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["{lib,db,scripts}/**/*.test.ts"],
    // better-sqlite3 is a native addon: forks isolate it more safely than worker threads.
    pool: "forks",
    testTimeout: 30_000,
  },
});
