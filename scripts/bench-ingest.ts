/**
 * Ingestion throughput on a generated corpus: copies of the real parser fixtures under
 * distinct names (never shown as data; it lives in a temp folder). Prints files/s and samples/s.
 *   npm run bench:ingest -- [--files 10000] [--min-samples N]
 * --min-samples keeps only fixtures with at least N samples, for a sample-heavy corpus.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { importPaths } from "@/db/ingest/import-paths";
import { openDb } from "@/db/open";
import { goodFixtures } from "@/lib/parsers/__test__/good-fixtures";

const { values } = parseArgs({
  options: { files: { type: "string", default: "10000" }, "min-samples": { type: "string", default: "0" } },
});
const target = Number(values.files);
const minSamples = Number(values["min-samples"]);
const RUNTIMES = [
  "runc",
  "crun",
  "runsc-ptrace",
  "runsc-systrap",
  "kata-qemu",
  "kata-clh",
  "firecracker",
  "bare-metal",
];

const fixtures = goodFixtures().filter((f) => f.samples >= minSamples);
const dir = mkdtempSync(join(tmpdir(), "hvscope-bench-ingest-"));
const corpus = join(dir, "corpus");
try {
  // Same bytes in one dataset are one file, so each dataset folder holds each fixture once.
  let written = 0;
  for (let d = 0; written < target; d++) {
    const datasetDir = join(corpus, `corpus-${d}`);
    mkdirSync(datasetDir, { recursive: true });
    writeFileSync(join(datasetDir, "hvscope.yaml"), `dataset: corpus-${d}\nhost: host-${d % 7}\n`);
    for (const [i, f] of fixtures.entries()) {
      if (written >= target) break;
      const runtimeDir = join(datasetDir, RUNTIMES[(i + d) % RUNTIMES.length]!);
      mkdirSync(runtimeDir, { recursive: true });
      cpSync(f.path, join(runtimeDir, `${f.tool}-${f.name}`));
      written++;
    }
  }
  const datasets = readdirSync(corpus).length;
  const conn = openDb(join(dir, "bench.db"));
  const started = performance.now();
  const summary = await importPaths(conn, [corpus]);
  const seconds = (performance.now() - started) / 1000;
  conn.close();
  if (summary.failed.length > 0)
    throw new Error(`${summary.failed.length} files failed, first: ${JSON.stringify(summary.failed[0])}`);
  console.log(`corpus: ${written} files (${fixtures.length} real fixtures copied into ${datasets} datasets)`);
  console.log(`ingested ${summary.imported} files, ${summary.samples} samples in ${seconds.toFixed(2)} s`);
  console.log(
    `${(summary.imported / seconds).toFixed(0)} files/s, ${(summary.samples / seconds).toFixed(0)} samples/s`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
