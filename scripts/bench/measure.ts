import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { ToolId } from "@/lib/parsers/types";
import { onInterrupt, wasInterrupted } from "./cleanup";
import type { StepRecord } from "./manifest-writer";
import { keepOutput, outputTarget, problemWithOutput, recordFailure } from "./outputs";
import { describeExit, type ProcessResult } from "./process";
import type { HostInvocation, RuntimeDriver, SandboxCommand } from "./drivers/driver";
import { shellQuote } from "./shell-quote";
import type { OutputStep } from "./steps/types";

export interface StepEnv {
  driver: RuntimeDriver;
  outDir: string;
  rep: number;
  toolVersions: Partial<Record<ToolId, string>>;
  /** A container name unique within the run. */
  sandboxName(step: string): string;
}

export interface Produced {
  result: ProcessResult;
  timeoutMs: number;
  /** The stderr of a helper (server, ps) worth keeping with a failure. */
  context?: string;
}

/**
 * The common frame of every step: output to a partial file, kept only when the tool succeeded
 * and its parser accepts the result, else a `.failed.log` with the reason and stderr.
 */
export async function measure(
  env: StepEnv,
  step: OutputStep,
  command: string,
  produce: (partialPath: string) => Promise<Produced>,
  extra: Pick<StepRecord, "hostCommand" | "server"> = {},
): Promise<StepRecord> {
  const target = outputTarget(env.outDir, env.driver.label, step, env.rep);
  mkdirSync(dirname(target.finalPath), { recursive: true });
  const startedAt = new Date().toISOString();
  // Interrupted mid-step: no half-written output may stay behind.
  const unregister = onInterrupt(() => rmSync(target.partialPath, { force: true }));
  let error: string | undefined;
  let stderr = "";
  try {
    const { result, timeoutMs, context } = await produce(target.partialPath);
    stderr = [result.stderr, context].filter(Boolean).join("\n--- server or helper stderr ---\n");
    error = result.code === 0 && !result.timedOut ? problemWithOutput(target, step) : describeExit(result, timeoutMs);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  unregister();
  const endedAt = new Date().toISOString();
  if (error === undefined) keepOutput(target);
  else recordFailure(target, { reason: error, command, stderr, ...extra });
  const { driver } = env;
  const record: StepRecord = {
    runtime: driver.label,
    step: step.name,
    rep: env.rep,
    status: error === undefined ? "ok" : "failed",
    file: error === undefined ? target.file : target.failedLog,
    tool: step.tool,
    command,
    startedAt,
    endedAt,
    ...extra,
  };
  if (driver.version) record.version = driver.version;
  if (driver.variant) record.variant = driver.variant;
  const toolVersion = env.toolVersions[step.tool];
  if (toolVersion) record.toolVersion = toolVersion;
  if (step.workload) record.workload = step.workload;
  if (step.parserOptions) record.parserOptions = step.parserOptions;
  if (error !== undefined) record.error = error;
  return record;
}

/** Runs `fn` with sandbox `name` registered for deletion on Ctrl-C; always deletes it afterwards. */
export async function withSandbox<T>(
  driver: RuntimeDriver,
  cmd: SandboxCommand,
  fn: (run: HostInvocation) => Promise<T>,
): Promise<T> {
  if (wasInterrupted()) throw new Error("interrupted: no new sandbox is started");
  const unregister = onInterrupt(() => driver.remove(cmd.name));
  try {
    return await fn(driver.prepare(cmd));
  } finally {
    await driver.remove(cmd.name);
    unregister();
  }
}

/** The host command line, when it is more than the command itself (not for bare metal). */
export function hostCommandOf(run: HostInvocation, args: string[]): Pick<StepRecord, "hostCommand"> {
  const host = shellQuote(run.argv);
  return host === shellQuote(args) ? {} : { hostCommand: host };
}
