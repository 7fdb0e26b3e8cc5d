import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import {
  MachineWatch,
  busiestBetween,
  cpuTicksOf,
  notQuietReason,
  parseLoadAverage,
  readTicks,
  type TickSnapshot,
} from "./machine-load";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "__fixtures__", name), "utf8");

describe("machine load", () => {
  it("reads the three load averages of /proc/loadavg, and refuses anything else", () => {
    expect(parseLoadAverage(fixture("proc-loadavg.txt"))).toEqual({ one: 14.4, five: 11.75, fifteen: 6.68 });
    expect(() => parseLoadAverage("busy")).toThrow(/\/proc\/loadavg: expected three numbers, got "busy"/);
  });

  it("adds user and system ticks of a stat line, counting fields after a command name with spaces", () => {
    expect(cpuTicksOf(fixture("proc-stat-sysbench.txt"))).toBe(3 + 2);
    expect(cpuTicksOf(fixture("proc-stat-next-server.txt"))).toBe(81 + 9);
  });

  it("ranks other processes by CPU over the window, leaving the harness's own out", () => {
    const at = (atMs: number, entries: [number, number][]): TickSnapshot => ({ atMs, ticks: new Map(entries) });
    // Two seconds; 100 ticks a second: 50 ticks are 25 % of a core.
    const a = at(0, [
      [1, 100],
      [2, 0],
      [3, 10],
    ]);
    const b = at(2000, [
      [1, 150],
      [2, 300],
      [3, 10],
      [4, 20],
    ]);
    const names = (pid: number) => `proc${pid}`;
    expect(busiestBetween(a, b, new Set([2]), names)).toEqual({
      busiest: [
        { pid: 1, command: "proc1", cpuPct: 25 },
        { pid: 4, command: "proc4", cpuPct: 10 },
      ],
      othersCpuPct: 35,
    });
  });

  it("calls a machine quiet only under both limits, and names what is busy", () => {
    const one = (cpuPct: number) => [{ pid: 7, command: "/usr/bin/node build", cpuPct }];
    expect(notQuietReason({ busiest: one(9.9), othersCpuPct: 9.9 }, 2)).toBeUndefined();
    expect(notQuietReason({ busiest: one(40.5), othersCpuPct: 40.5 }, 2)).toBe(
      "other processes use more than 10 % CPU: /usr/bin/node (pid 7) 40.5 %",
    );
    // Many small ones: 8 % each, 64 % together on 2 cores (limit 60 %).
    expect(notQuietReason({ busiest: one(8), othersCpuPct: 64 }, 2)).toBe(
      "other processes together use 64 % CPU (more than 60 %, 0.3 × 2 cores)",
    );
  });

  it("leaves a busy kernel thread out of the per-process limit but counts it in the total", () => {
    const kblockd = { pid: 46, command: "[kworker/1:1H-kblockd]", cpuPct: 19, kernel: true as const };
    expect(notQuietReason({ busiest: [kblockd], othersCpuPct: 19 }, 2)).toBeUndefined();
    expect(notQuietReason({ busiest: [kblockd], othersCpuPct: 61 }, 2)).toMatch(/together use 61 % CPU/);
  });

  it("counts as its own a process that left the harness's tree during the step", async () => {
    const watch = new MachineWatch("hvscope-test-marker-none-");
    const start = readTicks();
    const stopTracking = watch.trackOwnTree();
    // The shell prints the pid of `timeout` and exits after 1.5 s; `timeout` and its busy loop
    // live on, re-parented away from this process, as a sandbox's helpers can while they exit.
    const child = spawn("sh", ["-c", "timeout 5 sh -c 'while :; do :; done' >/dev/null 2>&1 & echo $!; sleep 1.5"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const orphan = Number((await new Promise<Buffer>((resolve) => child.stdout.once("data", resolve))).toString());
    try {
      await new Promise((resolve) => child.once("exit", resolve));
      await sleep(1000);
      const end = readTicks();
      const orphanTree = [orphan, ...[...end.ticks.keys()].filter((pid) => parentOf(pid) === orphan)];
      const seen = stopTracking();
      expect(orphanTree.every((pid) => seen.has(pid))).toBe(true);
      // Read at the end alone, the tree no longer holds the loop, which counts as another
      // process (top five on a busy machine is not guaranteed, so the total is compared).
      const others = (tracked?: Set<number>) => watch.between(start, end, tracked).othersCpuPct;
      expect(others() - others(seen)).toBeGreaterThan(10);
    } finally {
      stopTracking();
      // `timeout` passes the signal on to its loop.
      process.kill(orphan, "SIGTERM");
    }
  }, 15_000);
});

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(
      stat
        .slice(stat.lastIndexOf(")") + 1)
        .trim()
        .split(/\s+/)[1],
    );
  } catch {
    return undefined;
  }
}
