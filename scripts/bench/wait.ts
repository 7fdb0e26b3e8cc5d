import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** Only loopback: benchmark traffic must never leave the host or reach another address. */
export const LOOPBACK = "127.0.0.1";

/** Calls `check` until it returns true; throws `what` once `timeoutMs` has passed. */
export async function pollUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() >= deadline) throw new Error(`${what} (waited ${Math.round(timeoutMs / 1000)} s)`);
    await sleep(intervalMs);
  }
}

/**
 * True when a table in the format of /proc/net/tcp or tcp6 has a socket listening on `port`.
 * Readiness is read from the kernel instead of probed with a connection: an iperf3 server
 * under gVisor (hostinet) fails the next real client after a probe connection has closed.
 */
export function listensOn(port: number, table: string): boolean {
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  return table
    .split("\n")
    .slice(1)
    .some((line) => {
      const [, local, , state] = line.trim().split(/\s+/);
      return local?.toUpperCase().endsWith(suffix) === true && state === TCP_LISTEN;
    });
}

/** `st` column value of a listening socket (include/net/tcp_states.h: TCP_LISTEN = 10). */
const TCP_LISTEN = "0A";

/** Whether a server (in the host's network namespace) listens on `port`. */
export function isListening(port: number): boolean {
  return ["/proc/net/tcp", "/proc/net/tcp6"].some((file) => {
    try {
      return listensOn(port, readFileSync(file, "utf8"));
    } catch {
      return false;
    }
  });
}

/**
 * A port that is free on 127.0.0.1 right now (the kernel picks it). Other work shares this
 * machine, so fixed ports could collide; the port is not part of any workload's identity.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : undefined;
      server.close(() => (port === undefined ? reject(new Error("no free loopback port")) : resolve(port)));
    });
  });
}
