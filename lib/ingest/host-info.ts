/**
 * Host facts from captured system dumps (`uname -a`, /proc/cpuinfo, /proc/meminfo, /etc/os-release,
 * the harness's virtualization.txt).
 */
export interface HostFacts {
  kernel?: string;
  cpuModel?: string;
  cpuCount?: number;
  memoryBytes?: number;
  os?: string;
  /** `VM (kvm)`, `bare metal (no hypervisor flag in /proc/cpuinfo)`...: what a "no sandbox" baseline ran on. */
  virtualization?: string;
}

/** `uname -a` prints "Linux <hostname> <release> ..."; `uname -r` prints the release alone. */
export function kernelFromUname(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  if (words[0] === "Linux" && words[2]) return `Linux ${words[2]}`;
  return words.length === 1 && words[0] ? `Linux ${words[0]}` : undefined;
}

export function cpuFromCpuinfo(text: string): Pick<HostFacts, "cpuModel" | "cpuCount"> {
  const model = /^model name\s*:\s*(.+)$/m.exec(text)?.[1]?.trim();
  const count = (text.match(/^processor\s*:/gm) ?? []).length;
  return { ...(model ? { cpuModel: model } : {}), ...(count > 0 ? { cpuCount: count } : {}) };
}

/** MemTotal in bytes (procfs "kB" is KiB). */
export function memoryFromMeminfo(text: string): number | undefined {
  const kib = /^MemTotal:\s+(\d+)\s*kB/m.exec(text)?.[1];
  return kib === undefined ? undefined : Number(kib) * 1024;
}

export function osFromOsRelease(text: string): string | undefined {
  return /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(text)?.[1] ?? /^Description:\s*(.+)$/m.exec(text)?.[1]?.trim();
}

/**
 * x86 CPUs list the `hypervisor` flag when a hypervisor runs them; without `flags` lines (other
 * architectures) nothing can be said.
 */
export function virtualizationFromCpuinfo(text: string): string | undefined {
  const flags = /^flags\s*:(.*)$/m.exec(text)?.[1];
  if (flags === undefined) return undefined;
  return /\bhypervisor\b/.test(flags)
    ? "VM (hypervisor flag in /proc/cpuinfo)"
    : "bare metal (no hypervisor flag in /proc/cpuinfo)";
}

/**
 * The harness's `sys/virtualization.txt` (scripts/bench/host-dumps.ts): `key: value` lines from
 * systemd-detect-virt and /proc/cpuinfo. systemd-detect-virt names the hypervisor; the flag alone
 * says only that there is one.
 */
export function virtualizationFromDump(text: string): string | undefined {
  const field = (key: string) => new RegExp(`^${key}:\\s*(.+)$`, "m").exec(text)?.[1]?.trim();
  const vm = field("systemd-detect-virt --vm");
  const flag = field("cpuinfo hypervisor flag");
  const container = field("systemd-detect-virt --container");
  const machine =
    vm && vm !== "none" && vm !== "not available"
      ? `VM (${vm})`
      : flag === "yes"
        ? "VM (hypervisor flag in /proc/cpuinfo)"
        : vm === "none" && flag === "no"
          ? "bare metal (no hypervisor detected)"
          : undefined;
  if (machine === undefined) return undefined;
  return container && container !== "none" && container !== "not available"
    ? `${machine}, in a container (${container})`
    : machine;
}
