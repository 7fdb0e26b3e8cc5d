import { join } from "node:path";
import type { DbTarget } from "@/db/target";
import { envFor } from "./bench-db";
import { startServer } from "./server-process";

/**
 * `next start` of the build in `appDir` on `target`, as users run it (production, no telemetry),
 * ready once /api/imports answers. `env` adds to its environment (HVSCOPE_READ_CACHE, NODE_OPTIONS).
 */
export function startNextServer(o: {
  name: string;
  appDir: string;
  port: number | string;
  target: DbTarget;
  env?: Record<string, string>;
}) {
  return startServer({
    name: o.name,
    command: process.execPath,
    args: [
      join(o.appDir, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-p",
      String(o.port),
      "-H",
      "127.0.0.1",
    ],
    cwd: o.appDir,
    env: { ...envFor(o.target), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...o.env },
    readyUrl: `http://127.0.0.1:${o.port}/api/imports`,
    timeoutMs: 60_000,
  });
}
