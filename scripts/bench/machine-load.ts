import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { descendantsOf, pidsWithArgument, readProcessParents } from "./proc-tree";

/** /proc/loadavg's three averages: runnable (and uninterruptible) tasks over 1, 5 and 15 minutes. */
export interface LoadAverage {
  one: number;
  five: number;
  fifteen: number;
}

/** Another process and the share of one core it used over a window (100 = one core busy). */
export interface BusyProcess {
  pid: number;
  command: string;
  cpuPct: number;
  /** A kernel thread (a child of kthreadd): it works for whoever asked, often the step itself. */
  kernel?: true;
}

/** What else ran on the machine: the load average and the busiest processes outside the harness. */
export interface MachineSample {
  at: string;
  loadAverage: LoadAverage;
  /** Window over which `busiest` was measured. */
  windowMs: number;
  /** Top few by CPU, excluding the harness's own process tree and its sandboxes. */
  busiest: BusyProcess[];
  /** Sum of every other process's CPU, in % of one core. */
  othersCpuPct: number;
}

/**
 * Quiet: no other user process above 10 % of a core, and all others together (kernel threads
 * included) under 30 % of the machine (0.3 × cores). Measured on processes, not on the load
 * average: the 1-minute load average still counts the harness's own previous step for a minute
 * after it ended. Kernel threads are left out of the per-process limit because a disk step's own
 * I/O keeps the block workers (kblockd, dio) above it on a quiet machine.
 */
export const QUIET_LIMITS = { processPct: 10, othersShareOfCores: 0.3 } as const;

const TOP = 5;
const OWN_TREE_EVERY_MS = 1000;
/** The kernel's thread creator: its children are kernel threads. */
const KTHREADD = 2;
const COMMAND_CHARS = 100;

export function parseLoadAverage(text: string): LoadAverage {
  const [one, five, fifteen] = text.trim().split(/\s+/).map(Number);
  if (![one, five, fifteen].every((v) => Number.isFinite(v)))
    throw new Error(`/proc/loadavg: expected three numbers, got "${text.trim()}"`);
  return { one: one!, five: five!, fifteen: fifteen! };
}

/** utime + stime in clock ticks from a /proc/<pid>/stat line (fields 14 and 15; comm may hold spaces). */
export function cpuTicksOf(stat: string): number | undefined {
  const fields = stat
    .slice(stat.lastIndexOf(")") + 1)
    .trim()
    .split(/\s+/);
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

/** pid -> CPU ticks so far, for every process on the host now. */
export type TickSnapshot = { atMs: number; ticks: Map<number, number> };

export function readTicks(): TickSnapshot {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const t = cpuTicksOf(readFileSync(`/proc/${entry}/stat`, "utf8"));
      if (t !== undefined) ticks.set(Number(entry), t);
    } catch {
      // Exited between readdir and read.
    }
  }
  return { atMs: Date.now(), ticks };
}

/**
 * The busiest processes between two snapshots, `excluded` left out. A process that started
 * in between counts from zero; one that ended in between is not seen.
 */
export function busiestBetween(
  a: TickSnapshot,
  b: TickSnapshot,
  excluded: ReadonlySet<number>,
  commandOf: (pid: number) => string,
  ticksPerSecond = 100,
  kernelThreads: ReadonlySet<number> = new Set(),
): { busiest: BusyProcess[]; othersCpuPct: number } {
  const seconds = Math.max((b.atMs - a.atMs) / 1000, 0.001);
  const used: { pid: number; cpuPct: number }[] = [];
  for (const [pid, ticks] of b.ticks) {
    if (excluded.has(pid)) continue;
    const delta = ticks - (a.ticks.get(pid) ?? 0);
    if (delta > 0) used.push({ pid, cpuPct: (delta / ticksPerSecond / seconds) * 100 });
  }
  used.sort((x, y) => y.cpuPct - x.cpuPct);
  const othersCpuPct = round1(used.reduce((sum, u) => sum + u.cpuPct, 0));
  const busiest = used.slice(0, TOP).map((u) => ({
    pid: u.pid,
    command: commandOf(u.pid),
    cpuPct: round1(u.cpuPct),
    ...(kernelThreads.has(u.pid) ? { kernel: true as const } : {}),
  }));
  return { busiest, othersCpuPct };
}

/** Why the machine is not quiet, or undefined when it is (QUIET_LIMITS). */
export function notQuietReason(
  sample: Pick<MachineSample, "busiest" | "othersCpuPct">,
  cores: number,
): string | undefined {
  const busy = sample.busiest.filter((p) => !p.kernel && p.cpuPct > QUIET_LIMITS.processPct);
  if (busy.length > 0)
    return `other processes use more than ${QUIET_LIMITS.processPct} % CPU: ${busy.map(describeProcess).join(", ")}`;
  const limit = QUIET_LIMITS.othersShareOfCores * cores * 100;
  if (sample.othersCpuPct > limit)
    return `other processes together use ${sample.othersCpuPct} % CPU (more than ${limit} %, 0.3 × ${cores} cores)`;
  return undefined;
}

export function describeProcess(p: BusyProcess): string {
  return `${p.command.split(" ", 1)[0]} (pid ${p.pid}) ${p.cpuPct} %`;
}

/**
 * Reads what else runs: the harness's own process tree is everything below this process plus
 * the sandboxes whose command line names this run (an engine's monitor, such as podman's
 * conmon, is not our child) and everything below those.
 */
export class MachineWatch {
  readonly cores = availableParallelism();

  constructor(
    private readonly runMarker: string,
    // USER_HZ, the unit of /proc/<pid>/stat times: 100 on every Linux architecture the harness runs on.
    private readonly ticksPerSecond = 100,
  ) {}

  /** A sample over `windowMs` starting now. */
  async sample(windowMs: number): Promise<{ sample: MachineSample; end: TickSnapshot }> {
    const start = readTicks();
    await sleep(windowMs);
    const end = readTicks();
    return { sample: this.between(start, end), end };
  }

  /**
   * The sample between two snapshots taken earlier (a step's start and end). `seenOwn` adds
   * processes seen in the harness's tree during the step (`trackOwnTree`).
   */
  between(start: TickSnapshot, end: TickSnapshot, seenOwn: ReadonlySet<number> = new Set()): MachineSample {
    const parents = readProcessParents();
    const own = new Set([...this.ownTree(parents), ...seenOwn]);
    const kernelThreads = new Set(
      [...parents].filter(([pid, ppid]) => ppid === KTHREADD || pid === KTHREADD).map(([pid]) => pid),
    );
    const { busiest, othersCpuPct } = busiestBetween(
      start,
      end,
      own,
      commandLineOf,
      this.ticksPerSecond,
      kernelThreads,
    );
    return {
      at: new Date(end.atMs).toISOString(),
      loadAverage: parseLoadAverage(readFileSync("/proc/loadavg", "utf8")),
      windowMs: end.atMs - start.atMs,
      busiest,
      othersCpuPct,
    };
  }

  /**
   * Notes the harness's process tree every second until stopped. A sandbox's processes can
   * outlive their parent for a moment (gVisor's ptrace stubs are re-parented to init while they
   * exit), so the tree read at the step's end alone would count them as another process.
   */
  trackOwnTree(): () => Set<number> {
    const seen = new Set<number>();
    const note = () => this.ownTree(readProcessParents()).forEach((pid) => seen.add(pid));
    const timer = setInterval(note, OWN_TREE_EVERY_MS);
    timer.unref();
    return () => {
      clearInterval(timer);
      return seen;
    };
  }

  private ownTree(parents: ReadonlyMap<number, number>): Set<number> {
    const roots = [process.pid, ...pidsWithArgument(this.runMarker)];
    return new Set(roots.flatMap((pid) => [pid, ...descendantsOf(pid, parents)]));
  }
}

/** The command line, cut short (kernel threads have none: their name in brackets). */
function commandLineOf(pid: number): string {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    if (cmdline) return cmdline.slice(0, COMMAND_CHARS);
    return `[${readFileSync(`/proc/${pid}/comm`, "utf8").trim()}]`;
  } catch {
    return "(exited)";
  }
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
