import type { NetworkMode } from "../oci-spec";

/** A benchmark command's working folder: the writable disk folder or the in-memory one. */
export type WorkDir = "scratch" | "tmp";

/** Paths as the benchmark commands see them (inside a sandbox, or on the host for bare metal). */
export interface SandboxPaths {
  scratch: string;
  tmp: string;
}

export interface SandboxCommand {
  /** Unique container name; also names its bundle. */
  name: string;
  args: string[];
  cwd: WorkDir;
  network: NetworkMode;
}

/** A host command line ready to spawn. */
export interface HostInvocation {
  argv: string[];
  cwd: string;
  env: Record<string, string>;
}

/**
 * One way of running commands: a runtime driven from an OCI bundle, an engine, or the bare
 * host. Suites only talk to this interface, so every runtime runs identical steps.
 */
export interface RuntimeDriver {
  /** Output folder and runtime label in the manifest (`runsc-ptrace`). */
  readonly label: string;
  /** The runtime's version as its project names it (`1.1.5`, gVisor `release-20221219.0`), when known. */
  readonly version?: string;
  /** The version as the installed binary printed it (Debian's `1.1.5+ds1`), kept for provenance. */
  readonly versionAsPrinted?: string;
  /** Set when the runtime is reached through an engine: `docker` start times include the engine. */
  readonly variant?: string;
  readonly inside: SandboxPaths;
  /** The host folder behind `inside.scratch`, where the harness writes server configurations. */
  readonly hostScratch: string;
  /** Prepares a new sandbox running `cmd` in the foreground, deleted when it exits. */
  prepare(cmd: SandboxCommand): HostInvocation;
  /** Resolves once sandbox `name` runs its command; throws after `timeoutMs`. */
  waitUntilRunning(name: string, timeoutMs: number): Promise<void>;
  /** Host pids of the processes the runtime keeps for sandbox `name`, not counting the CLI `cliPid`. */
  sandboxPids(name: string, cliPid: number): Promise<number[]>;
  /** Stops and deletes sandbox `name` if it still exists, and its bundle; never throws. */
  remove(name: string): Promise<void>;
  /** Frees what the driver holds outside the work folder, at the end of the run. */
  dispose?(): void;
}

/** A runtime's version as upstream names it, and as the binary printed it. */
export interface RuntimeVersion {
  version: string;
  versionAsPrinted: string;
}

/** The runtime cannot be used on this host; the run goes on without it. */
export class RuntimeUnavailable extends Error {
  override name = "RuntimeUnavailable";
}
