import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { onInterrupt } from "./cleanup";

export interface ProcessOptions {
  cwd?: string;
  /** The process's whole environment; the harness's own when not given. */
  env?: Record<string, string>;
  /** stdout goes to this file (created or truncated) instead of being kept in memory. */
  stdoutFile?: string;
  /** Kill the whole process group after this long and report `timedOut`. */
  timeoutMs?: number;
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Empty when stdout went to a file. */
  stdout: string;
  /** The last STDERR_LIMIT characters: enough to explain a failure, bounded for chatty servers. */
  stderr: string;
}

export interface RunningProcess {
  pid: number;
  /** Settles when the process exits (never rejects). */
  exited: Promise<ProcessResult>;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<ProcessResult>;
  /** What it wrote to stderr so far (a server's log while it runs). */
  stderr(): string;
}

const STDERR_LIMIT = 64 * 1024;

/** Text for messages: `code 1`, `signal SIGKILL`, or `timed out after 30 s`. */
export function describeExit(r: ProcessResult, timeoutMs?: number): string {
  if (r.timedOut) return `timed out after ${Math.round((timeoutMs ?? 0) / 1000)} s`;
  return r.signal ? `killed by ${r.signal}` : `exit code ${r.code}`;
}

/**
 * Starts argv in its own process group, so that a timeout or Ctrl-C can kill everything it
 * forked (shells, daemons, `runc run` children), not just the first process.
 */
export function startProcess(argv: string[], options: ProcessOptions = {}): RunningProcess {
  const [file, ...args] = argv;
  if (!file) throw new Error("startProcess: empty argv");
  // A file goes to the child as its own stdout descriptor: tools that reopen /dev/stdout
  // (hyperfine --export-json, stress-ng --yaml) cannot open Node's socket pipes (ENXIO),
  // and the harness does not relay bytes while a benchmark runs.
  const stdoutFd = options.stdoutFile ? openSync(options.stdoutFile, "w") : undefined;
  let child: ChildProcess;
  try {
    child = spawn(file, args, {
      cwd: options.cwd,
      // Next.js's types make NODE_ENV mandatory in ProcessEnv; a child's environment needs none.
      env: (options.env as NodeJS.ProcessEnv | undefined) ?? process.env,
      detached: true,
      stdio: ["ignore", stdoutFd ?? "pipe", "pipe"],
    });
  } finally {
    if (stdoutFd !== undefined) closeSync(stdoutFd);
  }
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_LIMIT);
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const unregister = onInterrupt(() => killGroup("SIGKILL"));
  let timedOut = false;
  const deadline =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          void stop(1000);
        }, options.timeoutMs);
  const exited = waitForExit(child).then(({ code, signal, spawnError }) => {
    unregister();
    clearTimeout(deadline);
    if (spawnError) stderr += `${spawnError.message}\n`;
    return { code, signal, timedOut, stdout, stderr };
  });
  async function stop(graceMs = 5000) {
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  }
  return { pid: child.pid ?? -1, exited, stop, stderr: () => stderr };
}

/** Runs argv to completion; after `timeoutMs` its whole process group is killed. */
export function runProcess(argv: string[], timeoutMs: number, options: ProcessOptions = {}): Promise<ProcessResult> {
  return startProcess(argv, { ...options, timeoutMs }).exited;
}

/** Runs a short command and returns its stdout; throws with its stderr when it fails. */
export async function captureOutput(argv: string[], timeoutMs = 30_000, options: ProcessOptions = {}): Promise<string> {
  const r = await runProcess(argv, timeoutMs, options);
  if (r.code !== 0)
    throw new Error(`${argv.join(" ")}: ${describeExit(r, timeoutMs)}${r.stderr.trim() ? `: ${r.stderr.trim()}` : ""}`);
  return r.stdout;
}

async function waitForExit(child: ChildProcess) {
  let spawnError: Error | undefined;
  child.once("error", (e) => (spawnError = e));
  // `close` (not `exit`) waits until stdout and stderr are drained; it follows a spawn error too.
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once("close", (c: number | null, s: NodeJS.Signals | null) => resolve([c, s])),
  );
  return { code: spawnError ? null : code, signal, spawnError };
}
