import { spawn } from "node:child_process";

export interface RunningServer {
  stop(): Promise<void>;
  /** The server's process group (its first process's id), for reading its memory. */
  groupId: number;
  /** `performance.now()` when the server was spawned: the first answer counts from here. */
  spawnedAt: number;
  /** What the server has printed so far (its first 64 kB): start-up lines such as the read-ahead's. */
  output(): string;
}

/** Start-up lines are what benchmarks read; a server logging per request must not fill memory. */
const KEEP_OUTPUT_CHARS = 64_000;

async function responds(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a server as its own process group (so its children stop with it), waits until
 * `readyUrl` answers, and returns a handle that stops exactly that group. Refuses a port
 * that already answers: measuring someone else's server would be meaningless.
 */
export async function startServer(o: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  readyUrl: string;
  timeoutMs: number;
}): Promise<RunningServer> {
  if (await responds(o.readyUrl))
    throw new Error(`${o.name}: something already answers on ${o.readyUrl}; pick another port`);
  const spawnedAt = performance.now();
  const child = spawn(o.command, o.args, {
    cwd: o.cwd,
    env: o.env ?? process.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let head = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
    if (head.length < KEEP_OUTPUT_CHARS) head = (head + chunk.toString()).slice(0, KEEP_OUTPUT_CHARS);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let alive = true;
  void exited.then(() => (alive = false));
  const stop = async () => {
    if (!alive || child.pid === undefined) return;
    process.kill(-child.pid, "SIGTERM");
    const killed = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 5000)),
    ]);
    if (!killed && alive) process.kill(-child.pid, "SIGKILL");
    await exited;
  };
  const deadline = Date.now() + o.timeoutMs;
  while (!(await responds(o.readyUrl))) {
    if (!alive) throw new Error(`${o.name} exited before answering ${o.readyUrl}:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${o.name} did not answer ${o.readyUrl} within ${o.timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { stop, groupId: child.pid!, spawnedAt, output: () => head };
}
