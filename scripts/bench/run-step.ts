import { setTimeout as sleep } from "node:timers/promises";
import type { StepRecord } from "./manifest-writer";
import { hostCommandOf, measure, withSandbox, type StepEnv } from "./measure";
import { describeExit, runProcess, startProcess, type RunningProcess } from "./process";
import type { RuntimeDriver, SandboxCommand } from "./drivers/driver";
import { runServerGroup } from "./run-server";
import { shellQuote } from "./shell-quote";
import type { FootprintStep, SandboxStep, StartupStep, StepContext, SuiteEntry } from "./steps/types";
import { freeLoopbackPort } from "./wait";

/** Runs one suite entry (one step, or a server with its clients) and returns what it left. */
export async function runEntry(entry: SuiteEntry, env: StepEnv): Promise<StepRecord[]> {
  switch (entry.kind) {
    case "sandbox":
      return [await runSandboxStep(entry, env)];
    case "startup":
      return [await runStartupStep(entry, env)];
    case "footprint":
      return [await runFootprintStep(entry, env)];
    case "server":
      return runServerGroup(entry, env);
  }
}

async function runSandboxStep(step: SandboxStep, env: StepEnv): Promise<StepRecord> {
  const ctx: StepContext = { paths: env.driver.inside, port: await freeLoopbackPort() };
  const args = step.command(ctx);
  const cmd: SandboxCommand = { name: env.sandboxName(step.name), args, cwd: step.cwd, network: "isolated" };
  const timeoutMs = step.timeoutS * 1000;
  return withSandbox(env.driver, cmd, (run) =>
    measure(
      env,
      step,
      shellQuote(args),
      async (partialPath) => ({
        result: await runProcess(run.argv, timeoutMs, { cwd: run.cwd, env: run.env, stdoutFile: partialPath }),
        timeoutMs,
      }),
      hostCommandOf(run, args),
    ),
  );
}

/** hyperfine's `--export-json /dev/stdout` with `--style none` leaves nothing else on stdout. */
async function runStartupStep(step: StartupStep, env: StepEnv): Promise<StepRecord> {
  const cmd: SandboxCommand = { name: env.sandboxName(step.name), args: ["true"], cwd: "tmp", network: "isolated" };
  return withSandbox(env.driver, cmd, async (run) => {
    const argv = [
      "hyperfine",
      "-N",
      "--style",
      "none",
      "--runs",
      String(step.runs),
      "--warmup",
      String(step.warmup),
      "--export-json",
      "/dev/stdout",
      shellQuote(run.argv),
    ];
    const timeoutMs = step.timeoutS * 1000;
    return measure(env, step, shellQuote(argv), async (partialPath) => ({
      result: await runProcess(argv, timeoutMs, { cwd: run.cwd, env: run.env, stdoutFile: partialPath }),
      timeoutMs,
    }));
  });
}

/** An idle sandbox, then `ps` of the processes the runtime keeps for it. */
async function runFootprintStep(step: FootprintStep, env: StepEnv): Promise<StepRecord> {
  const { driver } = env;
  const cmd: SandboxCommand = {
    name: env.sandboxName(step.name),
    args: ["sleep", "600"],
    cwd: "tmp",
    network: "isolated",
  };
  // The pids are known only once the sandbox runs; the record gets the exact command then.
  let psCommand = "ps -o pid,vsz,rss,command -p <the sandbox's host processes>";
  return withSandbox(driver, cmd, async (run) => {
    const record = await measure(
      env,
      step,
      psCommand,
      async (partialPath) => {
        const idle = startProcess(run.argv, { cwd: run.cwd, env: run.env });
        try {
          await untilRunning(driver, cmd.name, idle, step.timeoutS * 1000);
          await sleep(step.settleMs);
          const pids = await driver.sandboxPids(cmd.name, idle.pid);
          if (pids.length === 0) throw new Error(`found no host process for sandbox ${cmd.name}`);
          const ps = ["ps", "-o", "pid,vsz,rss,command", "-p", pids.join(",")];
          psCommand = shellQuote(ps);
          return { result: await runProcess(ps, 30_000, { stdoutFile: partialPath }), timeoutMs: 30_000 };
        } finally {
          await driver.remove(cmd.name);
          await idle.stop(2000);
        }
      },
      hostCommandOf(run, cmd.args),
    );
    return { ...record, command: psCommand };
  });
}

async function untilRunning(
  driver: RuntimeDriver,
  name: string,
  proc: RunningProcess,
  timeoutMs: number,
): Promise<void> {
  const early = proc.exited.then((r) => {
    throw new Error(`the sandbox exited before it was running (${describeExit(r)}): ${r.stderr.trim().slice(-2000)}`);
  });
  // Only the race's outcome matters; a later exit (the normal stop) must not surface as unhandled.
  early.catch(() => undefined);
  await Promise.race([driver.waitUntilRunning(name, timeoutMs), early]);
}
