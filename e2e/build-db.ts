import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { E2E_DB } from "./db-path";
import { HOSTILE, HOSTILE_FILES } from "./hostile-labels";

/** Public datasets bundled in the repository, each with its manifest (hvscope.yaml). */
const PUBLIC = ["data/public/gvisor-website", "data/public/firecracker-nsdi2020"];

/**
 * Builds a fresh database from real data only: the bundled dataset and the public ones. Run by
 * the web server command before `next start`, so the server never opens a file deleted under it.
 */
function buildDb() {
  rmSync(dirname(E2E_DB), { recursive: true, force: true });
  const ingest = (...args: string[]) =>
    execFileSync("npx", ["tsx", "scripts/ingest.ts", "--db", E2E_DB, ...args], { stdio: "inherit" });
  if (existsSync("data/bundled")) ingest("data/bundled");
  for (const folder of PUBLIC) ingest(folder);
  // Real ping outputs under labels that are HTML and script, for e2e/hostile.spec.ts.
  const labels = ["--dataset", HOSTILE.dataset, "--host", HOSTILE.host];
  ingest(...labels, "--runtime", "runc", HOSTILE_FILES.runc);
  ingest(...labels, "--runtime", HOSTILE.runtime, HOSTILE_FILES.hostile);
}

buildDb();
