import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { HostInvocation, RuntimeDriver, SandboxCommand, SandboxPaths } from "./driver";

/**
 * The reference point: the same commands as plain host processes, no sandbox (runtime id
 * `bare-metal`, shown as "No sandbox (host)"; decision 012). It has no version: the kernel it
 * runs on is a host fact (`sys/uname.txt`), and the host may well be a VM (`sys/virtualization.txt`).
 * The in-memory folder is on /dev/shm (tmpfs) when there is one, as the sandboxes' /tmp is a tmpfs too.
 */
export class BareMetalDriver implements RuntimeDriver {
  readonly label = "bare-metal";
  readonly inside: SandboxPaths;
  readonly hostScratch: string;

  constructor(workDir: string, runId: string) {
    this.hostScratch = join(workDir, "scratch");
    const tmp = existsSync("/dev/shm") ? join("/dev/shm", `hvscope-bench-${runId}`) : join(workDir, "tmp");
    this.inside = { scratch: this.hostScratch, tmp };
    for (const dir of [this.hostScratch, tmp]) mkdirSync(dir, { recursive: true, mode: 0o755 });
  }

  prepare(cmd: SandboxCommand): HostInvocation {
    // Same environment as inside the sandboxes; nothing of the harness's own leaks in.
    return {
      argv: cmd.args,
      cwd: this.inside[cmd.cwd],
      env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: this.inside.tmp },
    };
  }

  async waitUntilRunning(): Promise<void> {
    // A host process runs as soon as it is spawned.
  }

  /** The process itself is all there is. */
  async sandboxPids(_name: string, cliPid: number): Promise<number[]> {
    return [cliPid];
  }

  async remove(): Promise<void> {
    // Nothing to delete: the caller kills the process group.
  }

  /** Removes the /dev/shm folder, which lives outside the work folder. */
  dispose(): void {
    rmSync(this.inside.tmp, { recursive: true, force: true });
  }
}
