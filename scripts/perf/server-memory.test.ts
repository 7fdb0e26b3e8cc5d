import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { groupMemory, serverMemory } from "./server-memory";

describe("serverMemory", () => {
  it("finds a process group's process by its title and reads its resident memory", async () => {
    // A process that renames itself, as next start does, and holds 64 MB it has written to.
    const child = spawn(
      process.execPath,
      [
        "-e",
        'process.title = "next-server (test)"; globalThis.kept = Buffer.alloc(64 << 20, 1); setInterval(() => {}, 1000)',
      ],
      { detached: true, stdio: "ignore" },
    );
    try {
      await once(child, "spawn");
      await expect.poll(() => serverMemory(child.pid!)?.rssBytes ?? 0, { timeout: 10_000 }).toBeGreaterThan(64 << 20);
      expect(serverMemory(child.pid!)).toMatchObject({ pid: child.pid, name: "next-server (test)" });
      expect(groupMemory(child.pid! + 1_000_000)).toEqual([]);
    } finally {
      process.kill(-child.pid!, "SIGKILL");
    }
  });
});
