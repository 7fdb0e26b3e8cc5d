import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { E2E_DB } from "./db-path";
import { HOSTILE, HOSTILE_FILES } from "./hostile-labels";

/** Public datasets beside the repository; specs that need one skip when it is absent. */
const SHARED = join(import.meta.dirname, "..", "..", "shared", "datasets");

const PUBLIC: [manifest: string, folder: string][] = [
  ["gvisor-website", "gvisor-website"],
  ["firecracker-nsdi2020", "firecracker-nsdi2020/m5d.metal"],
];

/**
 * Builds a fresh database from real data only: the bundled dataset and the public ones. Run by
 * the web server command before `next start`, so the server never opens a file deleted under it.
 */
function buildDb() {
  rmSync(dirname(E2E_DB), { recursive: true, force: true });
  const ingest = (...args: string[]) =>
    execFileSync("npx", ["tsx", "scripts/ingest.ts", "--db", E2E_DB, ...args], { stdio: "inherit" });
  if (existsSync("data/bundled")) ingest("data/bundled");
  for (const [manifest, folder] of PUBLIC)
    if (existsSync(join(SHARED, folder)))
      ingest("--manifest", `examples/manifests/${manifest}.yaml`, join(SHARED, folder));
    else console.warn(`e2e: ${join(SHARED, folder)} is absent; specs on ${manifest} will skip`);
  // Real ping outputs under labels that are HTML and script, for e2e/hostile.spec.ts.
  const labels = ["--dataset", HOSTILE.dataset, "--host", HOSTILE.host];
  ingest(...labels, "--runtime", "runc", HOSTILE_FILES.runc);
  ingest(...labels, "--runtime", HOSTILE.runtime, HOSTILE_FILES.hostile);
}

buildDb();
