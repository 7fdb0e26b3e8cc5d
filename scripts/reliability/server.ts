import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import type { DbTarget } from "@/db/target";
import { envFor } from "@/scripts/perf/bench-db";

/** Sources a production build depends on; test fixtures and benchmarks are not among them. */
const BUILD_INPUTS = ["app", "components", "db", "lib", "proxy.ts", "next.config.js", "package-lock.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path))
    if (entry !== "__fixtures__" && entry !== "node_modules") newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * `next start` needs a build. A missing one is made here; a stale one (a source newer than it) is
 * rebuilt only with `rebuild`, since others may be serving it: otherwise it is used with a warning.
 */
export function ensureBuild({ rebuild, log }: { rebuild: boolean; log: (line: string) => void }): void {
  const buildId = ".next/BUILD_ID";
  const stale = existsSync(buildId) && Math.max(...BUILD_INPUTS.map(newestMtime)) > statSync(buildId).mtimeMs;
  if (existsSync(buildId) && !(stale && rebuild)) {
    if (stale) log("warning: .next is older than the sources; pass --build to rebuild it first");
    return;
  }
  log(existsSync(buildId) ? "rebuilding the stale .next (npx next build)" : "no .next build: running npx next build");
  execFileSync("npx", ["next", "build"], { stdio: "inherit" });
}

/** A loopback port nothing listens on right now, from the kernel's ephemeral range (32768–60999 on Linux). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** Resident memory of the server's processes, in bytes (Linux /proc). */
  rssBytes(): number;
  /** What the server printed, stdout and stderr. */
  log(): string;
  stop(): Promise<void>;
}

function groupRss(pgid: number): number {
  let kb = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      // Field 5 of /proc/PID/stat is the process group; the name field before it may hold spaces.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== pgid) continue;
      kb += Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return kb * 1024;
}

/** Every server started and not yet exited, with its stop function: a SIGINT may come before startServer returns. */
const live = new Map<number, () => Promise<void>>();

/** Stops every server still running (a SIGINT handler's step). */
export async function stopServers(): Promise<void> {
  await Promise.all([...live.values()].map((stop) => stop()));
}

/** `next start` on 127.0.0.1 against `db` (either engine), in its own process group; resolves once it answers. */
export async function startServer(db: DbTarget, port: number): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(resolve("node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    detached: true,
    env: { ...envFor(db), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  const pgid = child.pid!;
  const stop = async () => {
    try {
      process.kill(-pgid, "SIGTERM");
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => process.kill(-pgid, "SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  live.set(pgid, stop);
  void exited.then(() => live.delete(pgid));
  for (const started = Date.now(); Date.now() - started < 60_000; await new Promise((r) => setTimeout(r, 250))) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/imports`)).ok)
        return { url, rssBytes: () => groupRss(pgid), log: () => output, stop };
    } catch {
      // Not listening yet.
    }
  }
  await stop();
  throw new Error(`next start did not answer on ${url} within 60 s:\n${output}`);
}
