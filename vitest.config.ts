import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,db,scripts}/**/*.test.ts"],
    // better-sqlite3 is a native addon: forks isolate it more safely than worker threads.
    pool: "forks",
    testTimeout: 30_000,
    // CI prints a plain "N passed, N failed" line from these reports (.ci/run).
    // The run after the build (npm run test:servers:pg) reports apart, so it does not overwrite the first.
    reporters: process.env.CI
      ? [
          "default",
          [
            "json",
            { outputFile: process.env.HVSCOPE_TEST_AFTER_BUILD ? ".ci/vitest-after-build.json" : ".ci/vitest.json" },
          ],
        ]
      : ["default"],
  },
});
