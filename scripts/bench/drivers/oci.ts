import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mountPointsOf, sandboxSpec, type NetworkMode, type OciSpec } from "../oci-spec";
import { runProcess } from "../process";
import { descendantsOf, readProcessParents } from "../proc-tree";
import { buildRootfs, type RootfsPlan } from "../rootfs";
import { pollUntil } from "../wait";
import type { HostInvocation, RuntimeDriver, RuntimeVersion, SandboxCommand, SandboxPaths } from "./driver";

/** The low-level runtimes the harness drives from a bundle, with gVisor's platform when it applies. */
export interface OciFlavor {
  binary: "runc" | "crun" | "runsc";
  platform?: "ptrace" | "systrap";
}

export const SANDBOX_PATHS: SandboxPaths = { scratch: "/scratch", tmp: "/tmp" };
const SANDBOX_ENV = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/tmp"];
const TMPFS_MIB = 512;

/**
 * runc, crun and runsc share the OCI CLI (`run --bundle`, `state`, `delete --force`); each
 * keeps its state under the harness's own `--root`, so nothing touches other users' containers.
 */
export class OciDriver implements RuntimeDriver {
  readonly inside = SANDBOX_PATHS;
  readonly hostScratch: string;
  private readonly stateDir: string;
  private readonly rootfs: string;
  private readonly bundles: string;
  readonly version: string;
  readonly versionAsPrinted: string;

  constructor(
    readonly label: string,
    private readonly flavor: OciFlavor,
    { version, versionAsPrinted }: RuntimeVersion,
    workDir: string,
    private readonly baseSpec: OciSpec,
    private readonly rootfsPlan: RootfsPlan,
  ) {
    this.version = version;
    this.versionAsPrinted = versionAsPrinted;
    this.hostScratch = join(workDir, "scratch");
    this.stateDir = join(workDir, "state");
    this.rootfs = join(workDir, "rootfs");
    this.bundles = join(workDir, "bundles");
    // 0755: Nginx workers run as nobody and must reach their files through /scratch.
    for (const dir of [this.hostScratch, this.stateDir, this.rootfs, this.bundles])
      mkdirSync(dir, { recursive: true, mode: 0o755 });
    const probe = this.spec({ name: "probe", args: ["true"], cwd: "tmp", network: "isolated" });
    buildRootfs(this.rootfs, rootfsPlan, mountPointsOf(probe));
  }

  /** The runtime's global flags; gVisor needs its platform and network mode on every `run`. */
  private globalArgs(network: NetworkMode): string[] {
    const root = ["--root", this.stateDir];
    if (this.flavor.binary !== "runsc") return root;
    // --network=none still gives the sandbox netstack's own loopback; host shares the host's stack.
    return [
      ...root,
      `--platform=${this.flavor.platform ?? "ptrace"}`,
      `--network=${network === "host" ? "host" : "none"}`,
    ];
  }

  private spec(cmd: SandboxCommand): OciSpec {
    return sandboxSpec(this.baseSpec, {
      args: cmd.args,
      cwd: this.inside[cmd.cwd],
      env: SANDBOX_ENV,
      network: cmd.network,
      rootfs: this.rootfs,
      readOnlyBinds: this.rootfsPlan.binds,
      scratch: { host: this.hostScratch, sandbox: this.inside.scratch },
      tmp: { sandbox: this.inside.tmp, sizeMiB: TMPFS_MIB },
    });
  }

  prepare(cmd: SandboxCommand): HostInvocation {
    const bundle = join(this.bundles, cmd.name);
    mkdirSync(bundle, { recursive: true });
    writeFileSync(join(bundle, "config.json"), `${JSON.stringify(this.spec(cmd), null, 2)}\n`);
    return {
      argv: [this.flavor.binary, ...this.globalArgs(cmd.network), "run", "--bundle", bundle, cmd.name],
      cwd: bundle,
      env: { PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin" },
    };
  }

  async waitUntilRunning(name: string, timeoutMs: number): Promise<void> {
    await pollUntil(
      async () => {
        const r = await runProcess([this.flavor.binary, "--root", this.stateDir, "state", name], 10_000);
        return r.code === 0 && /"status":\s*"running"/.test(r.stdout);
      },
      timeoutMs,
      `${this.label}: container ${name} did not reach the running state`,
    );
  }

  /** Below the foreground `run` CLI: runc's container process; gVisor's sandbox, gofer and ptrace stubs. */
  async sandboxPids(_name: string, cliPid: number): Promise<number[]> {
    return descendantsOf(cliPid, readProcessParents());
  }

  async remove(name: string): Promise<void> {
    // `delete --force` kills a running container first; a missing one is fine.
    await runProcess([this.flavor.binary, "--root", this.stateDir, "delete", "--force", name], 30_000);
    rmSync(join(this.bundles, name), { recursive: true, force: true });
  }
}
