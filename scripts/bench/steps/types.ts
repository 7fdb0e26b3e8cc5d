import type { ToolId } from "@/lib/parsers/types";
import type { SandboxPaths, WorkDir } from "../drivers/driver";

/** What a command needs to know about where it runs. */
export interface StepContext {
  /** Paths as seen by the command (sandbox paths; host paths for bare metal and host clients). */
  paths: SandboxPaths;
  /** A loopback port that was free when the step began. */
  port: number;
}

export type OutputExt = "txt" | "json" | "csv" | "yaml";

/** A step that leaves one output file, `<runtime>/<name>-rep<N>.<ext>`. */
export interface OutputStep {
  name: string;
  ext: OutputExt;
  /** The parser that must accept the output before it is kept (ingest must pick the same one). */
  tool: ToolId;
  /** Manifest workload label, for when the name derived from the content differs across runtimes. */
  workload?: string;
  /** Manifest parser options (`ps` totals). */
  parserOptions?: Record<string, unknown>;
  timeoutS: number;
}

/** A command run inside the sandbox; its stdout is the output. */
export interface SandboxStep extends OutputStep {
  kind: "sandbox";
  cwd: WorkDir;
  command(ctx: StepContext): string[];
}

/** hyperfine on the host over the runtime's own run of a no-op sandbox. */
export interface StartupStep extends OutputStep {
  kind: "startup";
  runs: number;
  warmup: number;
}

/** `ps` of the host processes the runtime keeps for an idle sandbox. */
export interface FootprintStep extends OutputStep {
  kind: "footprint";
  /** Time for the sandbox to finish starting before memory is read. */
  settleMs: number;
}

/** A client run on the host against the group's server; its stdout is the output. */
export type ClientStep = OutputStep & { command(ctx: StepContext): string[] };

/**
 * A server in the sandbox, on the host's network so that clients on the host reach it on
 * 127.0.0.1; one server start serves all its clients.
 */
export interface ServerGroup {
  kind: "server";
  name: string;
  /** Configuration files written to the scratch folder first: relative path -> content. */
  files(ctx: StepContext): Record<string, string>;
  command(ctx: StepContext): string[];
  cwd: WorkDir;
  readyTimeoutS: number;
  /** A host command that succeeds once the server really serves (beyond accepting TCP). */
  readyProbe?(ctx: StepContext): string[];
  /** Host commands run once before the clients (loading test data). */
  setup?(ctx: StepContext): string[][];
  clients: ClientStep[];
  /** Why this server cannot be measured under a runtime, if it cannot; its clients are then skipped. */
  unsupportedOn?(runtime: { label: string; version?: string }): string | undefined;
}

export type SuiteEntry = SandboxStep | StartupStep | FootprintStep | ServerGroup;
