import { readdirSync, readFileSync } from "node:fs";

/**
 * The parent pid from a /proc/<pid>/stat line: `pid (comm) state ppid ...`. The command name may
 * hold spaces and parentheses, so the fields are counted from the last `)`.
 */
export function parentPidOf(stat: string): number | undefined {
  const fields = stat
    .slice(stat.lastIndexOf(")") + 1)
    .trim()
    .split(/\s+/);
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** Every process below `root` (children, grandchildren...), in ascending pid order. */
export function descendantsOf(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    if (found.includes(pid)) continue;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found.sort((a, b) => a - b);
}

/** pid -> parent pid of every process on the host right now (processes that vanish are skipped). */
export function readProcessParents(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = parentPidOf(readFileSync(`/proc/${entry}/stat`, "utf8"));
      if (ppid !== undefined) parents.set(Number(entry), ppid);
    } catch {
      // Exited between readdir and read.
    }
  }
  return parents;
}

/** pids whose command line contains `text` (an engine's container id appears in its shim's arguments). */
export function pidsWithArgument(text: string): number[] {
  return readdirSync("/proc").flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      return readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(text) ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}
