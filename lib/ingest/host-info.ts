/** Host facts from captured system dumps (`uname -a`, /proc/cpuinfo, /proc/meminfo, /etc/os-release). */
export interface HostFacts {
  kernel?: string;
  cpuModel?: string;
  cpuCount?: number;
  memoryBytes?: number;
  os?: string;
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
