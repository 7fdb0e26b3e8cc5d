import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { EngineId } from "../cli-options";
import { runProcess } from "../process";
import { descendantsOf, pidsWithArgument, readProcessParents } from "../proc-tree";
import { pollUntil } from "../wait";
import type { HostInvocation, RuntimeDriver, SandboxCommand } from "./driver";
import { SANDBOX_PATHS } from "./oci";

/**
 * Runs each step with `<engine> run --runtime <name>`: the way to measure runtimes that need
 * an engine's shim, such as Kata Containers (`io.containerd.kata.v2`, one VM per pod) or Kata
 * with Firecracker (`kata-fc`). The host's /usr and /etc are mounted read-only over the image,
 * so the same tool binaries run as everywhere else. Not exercised by the test suite: no
 * engine daemon runs on the project's machines.
 */
export class EngineDriver implements RuntimeDriver {
  readonly inside = SANDBOX_PATHS;
  readonly hostScratch: string;

  constructor(
    readonly label: string,
    private readonly engine: EngineId,
    private readonly engineRuntime: string,
    private readonly image: string,
    workDir: string,
  ) {
    this.hostScratch = join(workDir, "scratch");
    mkdirSync(this.hostScratch, { recursive: true, mode: 0o755 });
  }

  /** Start times through an engine include the engine's own work: kept apart as a variant. */
  get variant(): string {
    return this.engine;
  }

  prepare(cmd: SandboxCommand): HostInvocation {
    const argv = [
      this.engine,
      "run",
      "--rm",
      "--name",
      cmd.name,
      "--runtime",
      this.engineRuntime,
      "--network",
      cmd.network === "host" ? "host" : "none",
      "--read-only",
      "--tmpfs",
      `${this.inside.tmp}:rw,size=512m,mode=1777`,
      "-v",
      "/usr:/usr:ro",
      "-v",
      "/etc:/etc:ro",
      "-v",
      `${this.hostScratch}:${this.inside.scratch}`,
      "-w",
      this.inside[cmd.cwd],
      "-e",
      "HOME=/tmp",
      this.image,
      ...cmd.args,
    ];
    return { argv, cwd: this.hostScratch, env: { PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin" } };
  }

  async waitUntilRunning(name: string, timeoutMs: number): Promise<void> {
    await pollUntil(
      async () =>
        (await runProcess([this.engine, "inspect", "--format", "{{.State.Running}}", name], 10_000)).stdout.trim() ===
        "true",
      timeoutMs,
      `${this.label}: ${this.engine} container ${name} did not start`,
    );
  }

  /** The processes naming the container's id (the shim; a VMM started by it) and everything below them. */
  async sandboxPids(name: string, cliPid: number): Promise<number[]> {
    const id = (await runProcess([this.engine, "inspect", "--format", "{{.Id}}", name], 10_000)).stdout.trim();
    if (!/^[0-9a-f]{12,}$/.test(id)) return [];
    const parents = readProcessParents();
    const cli = new Set([cliPid, ...descendantsOf(cliPid, parents)]);
    const roots = pidsWithArgument(id).filter((pid) => !cli.has(pid) && pid !== process.pid);
    return [...new Set(roots.flatMap((pid) => [pid, ...descendantsOf(pid, parents)]))].sort((a, b) => a - b);
  }

  async remove(name: string): Promise<void> {
    await runProcess([this.engine, "rm", "--force", name], 60_000);
  }
}
