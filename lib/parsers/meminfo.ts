import { toCanonical, toNumber } from "./text";
import { ParseError, type ParsedSample, type Parser, type WorkloadKey } from "./types";

// Format: /proc/meminfo (Linux fs/proc/meminfo.c): `Key:   value kB`, or a bare count for the
// HugePages_* lines. "kB" there means KiB. Keys vary with kernel version and config, so every
// line is read; MemAvailable (Linux 3.14+) is required because mem_used is derived from it.
const LINE = /^([A-Za-z][A-Za-z0-9_()]*):\s+(\d+)(?: (kB))?\s*$/;
const REQUIRED = ["MemTotal", "MemFree", "MemAvailable"] as const;

/** `MemAvailable` -> `mem_available`, `Active(anon)` -> `active_anon`, `DirectMap4k` -> `direct_map_4k`. */
export function meminfoMetricName(key: string): string {
  return key
    .replace(/\((\w+)\)/g, "_$1")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .replace(/([a-zA-Z])(\d)/g, "$1_$2")
    .replace(/_+/g, "_")
    .toLowerCase();
}

export const meminfoParser: Parser = {
  id: "meminfo",
  version: 1,
  describe: "/proc/meminfo dump (kB values, converted to bytes)",
  detect: (raw) => /^MemTotal:\s+\d+ kB\r?$/m.test(raw),
  parse(raw) {
    const workload: WorkloadKey = { name: "meminfo", category: "footprint", params: {} };
    const kib = new Map<string, number>();
    const samples: ParsedSample[] = [];
    raw.split(/\r?\n/).forEach((text, i) => {
      if (text.trim() === "") return;
      const m = LINE.exec(text);
      if (!m) throw new ParseError(`expected 'Key: value [kB]', got ${JSON.stringify(text)}`, i + 1);
      const key = m[1] ?? "";
      const metric = meminfoMetricName(key);
      const n = toNumber(m[2], key, i + 1);
      const sample: ParsedSample = m[3]
        ? { workload, metric, ...toCanonical(n, "kB") }
        : { workload, metric, unit: "count", value: n };
      // Free and available memory are better when larger, unlike the other sizes.
      if (/_free$|^mem_available$/.test(metric)) sample.direction = "higher";
      if (m[3]) kib.set(key, n);
      samples.push(sample);
    });
    for (const key of REQUIRED) if (!kib.has(key)) throw new ParseError(`missing the ${key} line`);
    // Derived, not in the file: memory the kernel could not hand out without swapping or
    // dropping caches it must keep. Unlike MemTotal - MemFree it does not count page cache.
    const used = (kib.get("MemTotal") ?? 0) - (kib.get("MemAvailable") ?? 0);
    samples.push({ workload, metric: "mem_used", ...toCanonical(used, "kB") });
    return { samples };
  },
};
