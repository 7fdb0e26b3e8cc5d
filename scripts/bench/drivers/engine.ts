import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { EngineId } from "../cli-options";
import type { NetworkMode } from "../oci-spec";
import { runProcess } from "../process";
import { descendantsOf, pidsWithArgument, readProcessParents } from "../proc-tree";
import { buildRootfs, type RootfsPlan } from "../rootfs";
import { pollUntil } from "../wait";
import type { HostInvocation, RuntimeDriver, RuntimeVersion, SandboxCommand } from "./driver";
import { SANDBOX_PATHS } from "./oci";

/** What the engine runs on: an image, or (podman) a folder given with `--rootfs`. */
export type EngineBase = { image: string } | { rootfs: string };

/** The engine's `--runtime` value and, for podman, flags passed through to the runtime. */
export interface EngineRuntime {
  name: string;
  /** podman's `--runtime-flag`s, by network mode (gVisor needs its platform and network on every run). */
  flags(network: NetworkMode): string[];
}

/**
 * The same limits as the direct runs (`runc spec` sets nofile 1024); podman otherwise asks
 * for the host's hard limits, which runc may not set inside these VMs ("error setting rlimits").
 */
const ULIMITS = ["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096"];

/**
 * Runs each step with `<engine> run --runtime <name>`: the way to measure runtimes that need
 * an engine's shim, such as Kata Containers (`io.containerd.kata.v2`, one VM per pod) or Kata
 * with Firecracker (`kata-fc`), and the way users meet runc or gVisor through podman. The
 * host's /usr and /etc are mounted read-only over the image or the rootfs folder, so the same
 * tool binaries run as everywhere else.
 */
export class EngineDriver implements RuntimeDriver {
  readonly inside = SANDBOX_PATHS;
  readonly hostScratch: string;
  readonly version?: string;
  readonly versionAsPrinted?: string;
  private readonly base: EngineBase;

  constructor(
    readonly label: string,
    private readonly engine: EngineId,
    private readonly runtime: EngineRuntime,
    image: string | undefined,
    private readonly rootfsPlan: RootfsPlan,
    workDir: string,
    version?: RuntimeVersion,
  ) {
    if (version) ({ version: this.version, versionAsPrinted: this.versionAsPrinted } = version);
    this.hostScratch = join(workDir, "scratch");
    mkdirSync(this.hostScratch, { recursive: true, mode: 0o755 });
    if (image !== undefined) this.base = { image };
    else {
      const rootfs = join(workDir, "rootfs");
      buildRootfs(rootfs, rootfsPlan, [...rootfsPlan.binds, this.inside.tmp, this.inside.scratch]);
      this.base = { rootfs };
    }
  }

  /** Start times through an engine include the engine's own work: kept apart as a variant. */
  get variant(): string {
    return this.engine;
  }

  prepare(cmd: SandboxCommand): HostInvocation {
    const network = cmd.network === "host" ? "host" : "none";
    const argv = [
      this.engine,
      "run",
      "--rm",
      "--name",
      cmd.name,
      "--runtime",
      this.runtime.name,
      ...this.runtime.flags(cmd.network).flatMap((flag) => ["--runtime-flag", flag]),
      "--network",
      network,
      ...ULIMITS,
      "--read-only",
      "--tmpfs",
      `${this.inside.tmp}:rw,size=512m,mode=1777`,
      ...this.rootfsPlan.binds.flatMap((dir) => ["-v", `${dir}:${dir}:ro`]),
      "-v",
      `${this.hostScratch}:${this.inside.scratch}`,
      "-w",
      this.inside[cmd.cwd],
      "-e",
      "HOME=/tmp",
      ...("image" in this.base ? [this.base.image] : ["--rootfs", this.base.rootfs]),
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

  /**
   * The processes naming the container's id (the shim or podman's conmon; gVisor's sandbox; a
   * VMM started by a shim) and everything below them.
   */
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
