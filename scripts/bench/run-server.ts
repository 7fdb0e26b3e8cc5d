import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { StepRecord } from "./manifest-writer";
import { hostCommandOf, measure, withSandbox, type StepEnv } from "./measure";
import { describeExit, runProcess, startProcess, type ProcessResult, type RunningProcess } from "./process";
import type { SandboxCommand } from "./drivers/driver";
import { shellQuote } from "./shell-quote";
import type { ClientStep, ServerGroup, StepContext } from "./steps/types";
import { freeLoopbackPort, isListening, pollUntil } from "./wait";

/** Server in the sandbox on the host network; each client is a step of its own. */
export async function runServerGroup(group: ServerGroup, env: StepEnv): Promise<StepRecord[]> {
  const { driver } = env;
  const unsupported = group.unsupportedOn?.(driver);
  if (unsupported !== undefined) return group.clients.map((client) => skippedRecord(client, env, unsupported));
  const ctx: StepContext = { paths: driver.inside, port: await freeLoopbackPort() };
  writeServerFiles(driver.hostScratch, group.files(ctx));
  const serverArgs = group.command(ctx);
  const cmd: SandboxCommand = { name: env.sandboxName(group.name), args: serverArgs, cwd: group.cwd, network: "host" };
  return withSandbox(driver, cmd, async (run) => {
    const server = startProcess(run.argv, { cwd: run.cwd, env: run.env });
    const extra = { server: shellQuote(serverArgs), ...hostCommandOf(run, serverArgs) };
    try {
      const notReady = await serverProblem(group, ctx, server);
      const records: StepRecord[] = [];
      for (const client of group.clients) records.push(await runClient(client, ctx, env, server, notReady, extra));
      return records;
    } finally {
      await driver.remove(cmd.name);
      await server.stop(5000);
    }
  });
}

/** undefined once the server serves and its setup ran, else why not. */
async function serverProblem(
  group: ServerGroup,
  ctx: StepContext,
  server: RunningProcess,
): Promise<string | undefined> {
  let exited: ProcessResult | undefined;
  void server.exited.then((r) => (exited = r));
  try {
    await pollUntil(
      async () => {
        if (exited) throw new Error(`the ${group.name} server exited (${describeExit(exited)})`);
        if (!isListening(ctx.port)) return false;
        const probe = group.readyProbe?.(ctx);
        return probe === undefined || (await runProcess(probe, 10_000)).code === 0;
      },
      group.readyTimeoutS * 1000,
      `the ${group.name} server did not answer on 127.0.0.1:${ctx.port}`,
      250,
    );
    for (const argv of group.setup?.(ctx) ?? []) {
      const r = await runProcess(argv, 300_000);
      if (r.code !== 0) return `setup ${shellQuote(argv)} failed (${describeExit(r)}): ${r.stderr.trim().slice(-2000)}`;
    }
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

async function runClient(
  client: ClientStep,
  ctx: StepContext,
  env: StepEnv,
  server: RunningProcess,
  notReady: string | undefined,
  extra: Pick<StepRecord, "server" | "hostCommand">,
): Promise<StepRecord> {
  const argv = client.command(ctx);
  const timeoutMs = client.timeoutS * 1000;
  return measure(
    env,
    client,
    shellQuote(argv),
    async (partialPath) => {
      if (notReady !== undefined)
        throw new Error(`${notReady}\n--- server stderr ---\n${server.stderr().slice(-4000)}`);
      const result = await runProcess(argv, timeoutMs, { stdoutFile: partialPath });
      return { result, timeoutMs, context: server.stderr().slice(-4000) };
    },
    extra,
  );
}

function writeServerFiles(hostScratch: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(hostScratch, rel);
    mkdirSync(dirname(path), { recursive: true, mode: 0o755 });
    writeFileSync(path, content, { mode: 0o644 });
  }
}

function skippedRecord(client: ClientStep, env: StepEnv, reason: string): StepRecord {
  const now = new Date().toISOString();
  const { driver } = env;
  return {
    runtime: driver.label,
    ...(driver.version ? { version: driver.version } : {}),
    step: client.name,
    rep: env.rep,
    status: "skipped",
    tool: client.tool,
    command: "",
    startedAt: now,
    endedAt: now,
    error: reason,
  };
}
