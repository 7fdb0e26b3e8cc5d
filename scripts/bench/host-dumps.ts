import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SYSINFO_FILES } from "./manifest-writer";
import { captureOutput, runProcess } from "./process";

/**
 * Raw host facts beside the results (`<out>/sys/`), the files the manifest's `host.sysinfo`
 * points at: ingest derives kernel, CPU model and count, memory, OS and virtualization from them.
 */
export async function writeHostDumps(outDir: string): Promise<void> {
  mkdirSync(join(outDir, "sys"), { recursive: true });
  writeFileSync(join(outDir, SYSINFO_FILES.uname), await captureOutput(["uname", "-a"]));
  // Read, not copied: procfs files report size 0, so copyFileSync would write empty files.
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  writeFileSync(join(outDir, SYSINFO_FILES.cpuinfo), cpuinfo);
  writeFileSync(join(outDir, SYSINFO_FILES.meminfo), readFileSync("/proc/meminfo"));
  writeFileSync(join(outDir, SYSINFO_FILES.os_release), readFileSync("/etc/os-release"));
  writeFileSync(join(outDir, SYSINFO_FILES.virtualization), await virtualizationDump(cpuinfo));
}

const DMI_FIELDS = ["sys_vendor", "product_name"] as const;

/**
 * Whether the host is a VM, as lines lib/ingest/host-info.ts reads: a baseline without a
 * sandbox on a VM is not bare metal. Each source is written as found, absent ones included.
 */
async function virtualizationDump(cpuinfo: string): Promise<string> {
  const flags = /^flags\s*:(.*)$/m.exec(cpuinfo)?.[1];
  const lines = [
    `systemd-detect-virt --vm: ${await detectVirt("--vm")}`,
    `systemd-detect-virt --container: ${await detectVirt("--container")}`,
    `cpuinfo hypervisor flag: ${flags === undefined ? "not available" : /\bhypervisor\b/.test(flags) ? "yes" : "no"}`,
    ...DMI_FIELDS.map((f) => {
      const path = `/sys/class/dmi/id/${f}`;
      return `dmi ${f}: ${existsSync(path) ? readFileSync(path, "utf8").trim() : "not available"}`;
    }),
  ];
  return `${lines.join("\n")}\n`;
}

/** systemd-detect-virt prints `none` and exits 1 when it finds nothing; missing, it is "not available". */
async function detectVirt(flag: "--vm" | "--container"): Promise<string> {
  const r = await runProcess(["systemd-detect-virt", flag], 10_000);
  const out = r.stdout.trim();
  return out === "" ? "not available" : out;
}
