import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SYSINFO_FILES } from "./manifest-writer";
import { captureOutput } from "./process";

/**
 * Raw host facts beside the results (`<out>/sys/`), the files the manifest's `host.sysinfo`
 * points at: ingest derives kernel, CPU model and count, memory and OS from them.
 */
export async function writeHostDumps(outDir: string): Promise<void> {
  mkdirSync(join(outDir, "sys"), { recursive: true });
  writeFileSync(join(outDir, SYSINFO_FILES.uname), await captureOutput(["uname", "-a"]));
  // Read, not copied: procfs files report size 0, so copyFileSync would write empty files.
  writeFileSync(join(outDir, SYSINFO_FILES.cpuinfo), readFileSync("/proc/cpuinfo"));
  writeFileSync(join(outDir, SYSINFO_FILES.meminfo), readFileSync("/proc/meminfo"));
  writeFileSync(join(outDir, SYSINFO_FILES.os_release), readFileSync("/etc/os-release"));
}
