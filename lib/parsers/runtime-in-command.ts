import { resolveRuntime } from "@/lib/runtime-ids";

/** Stands where the runtime was in a command, so the same work under each runtime is one workload. */
export const RUNTIME_PLACEHOLDER = "{runtime}";

/** A runtime named in a command line, and that command with the runtime left out. */
export interface CommandRuntime {
  /** The name to resolve: `runsc --platform=kvm` gives `runsc-kvm`. */
  runtime: string;
  /** The command with the runtime (and the runtime's own flags) replaced by RUNTIME_PLACEHOLDER. */
  workload: string;
}

/**
 * The runtime a command runs under: `--runtime=X` / `--runtime X` (docker, podman, nerdctl,
 * ctr), or a runtime's own CLI starting the work (`runc run …`, `runsc --platform=kvm run …`,
 * `kata-runtime run …`). Undefined when the command names none.
 */
export function runtimeInCommand(command: string): CommandRuntime | undefined {
  const words = command.trim().split(/\s+/);
  return runtimeFlag(words) ?? runtimeCli(words);
}

/**
 * The runtime name in a value that may carry the runtime's flags (a hyperfine parameter such as
 * `runsc --platform=ptrace --network=none`): the program's name, with gVisor's platform appended.
 */
export function runtimeNameOf(value: string): string {
  const [program = "", ...flags] = value.trim().split(/\s+/);
  const name = program.slice(program.lastIndexOf("/") + 1);
  const platform = flagValue(flags, "platform");
  return platform && resolveRuntime(name).id.startsWith("runsc") ? `${name}-${platform}` : name;
}

/** Whether a parameter value names a known runtime (`runc`, `runsc --platform=kvm`, `io.containerd.kata.v2`). */
export function namesKnownRuntime(value: string): boolean {
  return value.trim() !== "" && resolveRuntime(runtimeNameOf(value)).known;
}

function runtimeFlag(words: string[]): CommandRuntime | undefined {
  for (let i = 0; i < words.length; i++) {
    const inline = /^--runtime=(.+)$/.exec(words[i]!);
    const value = inline ? inline[1]! : words[i] === "--runtime" ? words[i + 1] : undefined;
    // fio's `--runtime=10` is a duration, not a runtime.
    if (value === undefined || /^[-\d]/.test(value)) continue;
    const replaced = inline ? [`--runtime=${RUNTIME_PLACEHOLDER}`] : ["--runtime", RUNTIME_PLACEHOLDER];
    const rest = words.slice(i + (inline ? 1 : 2));
    return { runtime: value, workload: [...words.slice(0, i), ...replaced, ...rest].join(" ") };
  }
  return undefined;
}

function runtimeCli(words: string[]): CommandRuntime | undefined {
  const start = words[0] === "sudo" ? 1 : 0;
  const program = words[start] ?? "";
  const name = program.slice(program.lastIndexOf("/") + 1);
  const run = words.indexOf("run", start + 1);
  // Only a known runtime's CLI: `docker run` names no runtime by itself.
  if (run < 0 || !resolveRuntime(name).known) return undefined;
  const ownFlags = words.slice(start + 1, run);
  const runtime = runtimeNameOf([program, ...ownFlags].join(" "));
  // The runtime's name inside later words (a container id `ctr-runc`) is left out too.
  const rest = words.slice(run).map((w) => w.replace(nameInWord(name), RUNTIME_PLACEHOLDER));
  return { runtime, workload: [...words.slice(0, start), RUNTIME_PLACEHOLDER, ...rest].join(" ") };
}

/** The value of `--name=V`, `--name V` or Go's single-dash forms among a program's flags. */
function flagValue(flags: string[], name: string): string | undefined {
  for (let i = 0; i < flags.length; i++) {
    const m = new RegExp(`^--?${name}(?:=(.*))?$`).exec(flags[i]!);
    if (m) return m[1] ?? flags[i + 1];
  }
  return undefined;
}

function nameInWord(name: string): RegExp {
  return new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w.])`, "g");
}
