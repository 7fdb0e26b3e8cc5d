import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freeLoopbackPort, isListening, listensOn, pollUntil } from "./wait";

// Captured while a socket listened on 127.0.0.1:8391 with one accepted connection (commands.md).
const TCP = readFileSync(join(import.meta.dirname, "__fixtures__", "proc-net-tcp.txt"), "utf8");

describe("readiness from /proc/net/tcp", () => {
  it("sees listeners on loopback and on any address, but not established connections", () => {
    expect(listensOn(8391, TCP)).toBe(true);
    expect(listensOn(2024, TCP)).toBe(true);
    expect(listensOn(52490, TCP)).toBe(false);
    expect(listensOn(80, TCP)).toBe(false);
    expect(listensOn(8391, "")).toBe(false);
  });

  it("finds a real listener on this host once it listens", async () => {
    const port = await freeLoopbackPort();
    expect(isListening(port)).toBe(false);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    try {
      expect(isListening(port)).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe("pollUntil", () => {
  it("returns once the check passes and names what it waited for on timeout", async () => {
    let calls = 0;
    await pollUntil(async () => ++calls >= 3, 5000, "never", 1);
    expect(calls).toBe(3);
    await expect(pollUntil(async () => false, 50, "the server did not answer", 10)).rejects.toThrow(
      /^the server did not answer \(waited 0 s\)$/,
    );
  });
});
