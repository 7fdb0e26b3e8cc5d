import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { groupCpuSeconds, waitUntilIdle } from "./server-idle";

describe("waitUntilIdle", () => {
  it("waits while a process group computes, and returns once it stops", async () => {
    // Busy for 1 s of CPU time (longer on a loaded machine), then idle.
    const child = spawn(
      process.execPath,
      [
        "-e",
        "for (let u = process.cpuUsage(); u.user + u.system < 1e6; u = process.cpuUsage()) for (let i = 0; i < 1e6; i++); setInterval(() => {}, 1000)",
      ],
      { detached: true, stdio: "ignore" },
    );
    try {
      await once(child, "spawn");
      const waited = await waitUntilIdle(child.pid!, { windowMs: 200, timeoutMs: 20_000 });
      expect(groupCpuSeconds(child.pid!)).toBeGreaterThan(0.9); // /proc counts in 10 ms ticks
      expect(waited).toBeGreaterThan(800); // CPU time cannot pass faster than the clock
      expect(waited).toBeLessThan(15_000); // not the timeout: it saw the process go idle
    } finally {
      process.kill(-child.pid!, "SIGKILL");
    }
  });
});
