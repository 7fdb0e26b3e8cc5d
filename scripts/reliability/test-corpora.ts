import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { goodFixtures, type FixtureFile } from "@/lib/parsers/__test__/good-fixtures";

const RUNTIMES = ["runc", "crun", "runsc-ptrace", "kata-qemu", "firecracker", "bare-metal"];

/**
 * Copies the real parser fixtures into `dir` as datasets `crash-0`, `crash-1`... (same bytes in one
 * dataset would be skipped, so each dataset holds each fixture once), until `files` files exist.
 * All of a dataset's files sit under one runtime, so outputs of the same workload (randread-4k.json
 * and randread-4k.txt, say) are repetitions of each other: their numbering depends on import order,
 * which is what an interrupted and resumed import must reproduce. Returns the number of files written.
 */
export function writeCrashCorpus(dir: string, files: number): number {
  const fixtures = goodFixtures();
  let written = 0;
  for (let d = 0; written < files; d++) {
    const datasetDir = join(dir, `crash-${d}`);
    const runtimeDir = join(datasetDir, RUNTIMES[d % RUNTIMES.length]!);
    mkdirSync(runtimeDir, { recursive: true });
    writeFileSync(join(datasetDir, "hvscope.yaml"), `dataset: crash-${d}\nhost: host-${d % 3}\n`);
    for (const f of fixtures) {
      if (written >= files) break;
      cpSync(f.path, join(runtimeDir, `${f.tool}-${f.name}`));
      written++;
    }
  }
  return written;
}

/** Runtimes of a load corpus: the first is the baseline every overhead row is compared with. */
const LOAD_RUNTIMES = ["runc", "runsc-ptrace", "kata-qemu"];

/**
 * A corpus whose datasets compare runtimes, so /api/overhead has rows to compute: fixtures that
 * measure the same workloads (randread-4k.json and .txt, ping loopback-5 and loopback-quiet...)
 * go to runc, runsc-ptrace and kata-qemu in turn; a fixture with no such sibling goes to runc.
 * The numbers are real captured ones, so the "overheads" compare two captures, not two runtimes:
 * load and concurrency tests only, datasets named `<prefix>-N`. Returns the files written.
 */
export function writeLoadCorpus(dir: string, files: number, prefix = "load"): number {
  const groups = new Map<string, FixtureFile[]>();
  for (const f of goodFixtures()) {
    const key = `${f.tool}\u0000${f.workloads.join("\u0000")}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  let written = 0;
  for (let d = 0; written < files; d++) {
    const datasetDir = join(dir, `${prefix}-${d}`);
    mkdirSync(datasetDir, { recursive: true });
    writeFileSync(join(datasetDir, "hvscope.yaml"), `dataset: ${prefix}-${d}\nhost: host-${d % 3}\n`);
    for (const members of groups.values())
      for (const [k, f] of members.entries()) {
        if (written >= files) return written;
        const runtimeDir = join(datasetDir, LOAD_RUNTIMES[k % LOAD_RUNTIMES.length]!);
        mkdirSync(runtimeDir, { recursive: true });
        cpSync(f.path, join(runtimeDir, `${f.tool}-${f.name}`));
        written++;
      }
  }
  return written;
}
