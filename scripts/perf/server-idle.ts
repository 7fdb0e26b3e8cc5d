import { readFileSync } from "node:fs";
import { groupMemory } from "./server-memory";

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

/** CPU time (user + system) the processes of a group have used so far, in seconds. */
export function groupCpuSeconds(groupId: number): number {
  let ticks = 0;
  for (const { pid } of groupMemory(groupId))
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // ended meanwhile
    }
  return ticks / TICKS_PER_S;
}

/**
 * Waits until a server has settled after its start: less than `busyShare` of one CPU used over
 * each `windowMs`, for up to `timeoutMs`. Returns the time waited. A server that reads ahead at
 * start (db/queries/warm-summaries.ts) would otherwise be measured while it is still reading.
 */
export async function waitUntilIdle(
  groupId: number,
  { windowMs = 500, busyShare = 0.1, timeoutMs = 30_000 } = {},
): Promise<number> {
  const started = performance.now();
  let before = groupCpuSeconds(groupId);
  while (performance.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, windowMs));
    const now = groupCpuSeconds(groupId);
    if ((now - before) * 1000 < windowMs * busyShare) break;
    before = now;
  }
  return performance.now() - started;
}
