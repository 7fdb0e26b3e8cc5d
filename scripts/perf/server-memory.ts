import { readdirSync, readFileSync } from "node:fs";

export interface ProcessMemory {
  pid: number;
  /** The process's command line as it shows it (`next start` renames itself `next-server (vX)`). */
  name: string;
  /** Resident set size, from /proc/<pid>/status VmRSS. */
  rssBytes: number;
}

/** Every live process of a process group with its resident memory (Linux /proc). */
export function groupMemory(groupId: number): ProcessMemory[] {
  const found: ProcessMemory[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which may hold spaces and parentheses: state, ppid, pgrp.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== groupId) continue;
      const rss = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      if (!rss) continue; // a zombie, or a kernel thread
      const name = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      found.push({ pid: Number(entry), name, rssBytes: Number(rss[1]) * 1024 });
    } catch {
      // The process ended between listing and reading: it holds no memory now.
    }
  }
  return found;
}

/** The server process of a group: the one named `next-server`, else the largest. */
export function serverMemory(groupId: number): ProcessMemory | undefined {
  const all = groupMemory(groupId).sort((a, b) => b.rssBytes - a.rssBytes);
  return all.find((p) => p.name.startsWith("next-server")) ?? all[0];
}
