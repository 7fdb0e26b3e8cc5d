/** Validation of `npm run bench` arguments; every rejection says what to type instead. */
import { readEnv } from "@/lib/env";
import { remoteTarget, type RemoteTarget } from "@/lib/upload/client";

export const SUITE_IDS = ["paper", "quick"] as const;
export type SuiteId = (typeof SUITE_IDS)[number];

export const ENGINE_IDS = ["docker", "podman", "nerdctl"] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

/** Runtimes the harness drives itself from an OCI bundle, plus plain host processes. */
const DIRECT_RUNTIMES = ["runc", "crun", "runsc-ptrace", "runsc-systrap", "bare-metal"] as const;
export type DirectRuntime = (typeof DIRECT_RUNTIMES)[number];

const MAX_REPS = 20;
/** The paper suite's repetitions: enough for an interval and a coefficient of variation per workload. */
const PAPER_MIN_REPS = 5;
const DEFAULT_REPS: Record<SuiteId, number> = { paper: PAPER_MIN_REPS, quick: 3 };
/** --wait-quiet without a value: wait at most this long before each step. */
const DEFAULT_WAIT_QUIET_S = 600;
const MAX_WAIT_QUIET_S = 3600;

/** One `--runtime` entry: the label of its outputs, and for engines the name passed to `--runtime`. */
export interface RuntimeRequest {
  label: string;
  engineRuntime?: string;
}

export interface BenchOptions {
  runtimes: RuntimeRequest[];
  suite: SuiteId;
  reps: number;
  out: string;
  dataset?: string;
  engine?: EngineId;
  image?: string;
  fixCrunCgroups: boolean;
  /** Wait before each step until the machine is quiet, at most this many seconds. */
  waitQuietS?: number;
  /** Send the output folder to this instance when the run ends (`--upload URL`). */
  upload?: RemoteTarget;
}

/** What commander hands over: strings as typed, or undefined. */
export interface RawBenchOptions {
  runtime?: string;
  suite?: string;
  reps?: string;
  out?: string;
  dataset?: string;
  engine?: string;
  image?: string;
  fixCrunCgroups?: boolean;
  /** `--wait-quiet` alone is true; `--wait-quiet=120` a string. */
  waitQuiet?: boolean | string;
  upload?: string;
  token?: string;
}

/** A mistake in the command line; the CLI prints the message and exits with status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

// gVisor's KVM platform needs /dev/kvm; on these VMs (nested virtualization) runs hang
// instead of failing, so the harness refuses before starting anything.
const KVM_REFUSAL =
  "runsc-kvm is refused: gVisor's KVM platform hangs on this kind of machine (a VM without usable nested KVM) " +
  "instead of failing; measure gVisor with runsc-ptrace (or runsc-systrap, with a gVisor release that has the systrap platform)";

const LABEL = /^[a-z0-9][a-z0-9._-]*$/;

export function parseBenchOptions(
  raw: RawBenchOptions,
  now = new Date(),
  envToken = readEnv().HVSCOPE_TOKEN,
): BenchOptions {
  const engine = oneOf(raw.engine, ENGINE_IDS, "--engine");
  const suite = oneOf(raw.suite, SUITE_IDS, "--suite") ?? "paper";
  if (raw.image !== undefined && engine === undefined)
    throw new UsageError("--image only applies with --engine (direct runs use the host's /usr and /etc)");
  const options: BenchOptions = {
    runtimes: parseRuntimes(raw.runtime, engine),
    suite,
    reps: parseReps(raw.reps) ?? DEFAULT_REPS[suite],
    out: raw.out ?? `bench-results/${suite}-${stamp(now)}`,
    fixCrunCgroups: raw.fixCrunCgroups === true,
  };
  if (raw.dataset !== undefined) {
    if (raw.dataset.trim() === "") throw new UsageError("--dataset must not be empty");
    options.dataset = raw.dataset;
  }
  if (engine) {
    options.engine = engine;
    // podman can run from a folder (--rootfs) holding the host's /usr and /etc: no image to pull.
    const image = raw.image ?? (engine === "podman" ? undefined : "debian:12-slim");
    if (image !== undefined) options.image = image;
  }
  const waitQuietS = parseWaitQuiet(raw.waitQuiet);
  if (waitQuietS !== undefined) options.waitQuietS = waitQuietS;
  if (raw.token !== undefined && raw.upload === undefined)
    throw new UsageError("--token only applies with --upload URL (the instance to send the outputs to)");
  // Checked before the run: a typo found after an hour of benchmarks would cost the upload.
  if (raw.upload !== undefined) {
    try {
      options.upload = remoteTarget(raw.upload, raw.token ?? envToken);
    } catch (e) {
      throw new UsageError(`--upload: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return options;
}

/** Said before the run when the paper suite gets fewer repetitions than it should. */
export function repsWarning(options: Pick<BenchOptions, "suite" | "reps">): string | undefined {
  if (options.suite !== "paper" || options.reps >= PAPER_MIN_REPS) return undefined;
  return (
    `--reps ${options.reps}: the paper suite should run every step at least ${PAPER_MIN_REPS} times ` +
    `(its intervals and coefficients of variation rest on them); going on because --reps was given`
  );
}

function parseRuntimes(list: string | undefined, engine: EngineId | undefined): RuntimeRequest[] {
  if (list === undefined || list.trim() === "")
    throw new UsageError(`--runtime is required: a comma-separated list, e.g. --runtime ${DIRECT_RUNTIMES.join(",")}`);
  const entries = list.split(",").map((s) => s.trim());
  if (entries.some((e) => e === "")) throw new UsageError(`--runtime "${list}" has an empty entry`);
  const requests = entries.map((entry) => (engine ? engineRuntime(entry) : directRuntime(entry)));
  const labels = requests.map((r) => r.label);
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice) throw new UsageError(`--runtime lists ${twice} twice`);
  return requests;
}

function directRuntime(entry: string): RuntimeRequest {
  if (entry === "runsc-kvm") throw new UsageError(KVM_REFUSAL);
  if (entry === "runsc" || entry === "gvisor")
    throw new UsageError(`--runtime ${entry}: name the gVisor platform, runsc-ptrace or runsc-systrap`);
  if (entry.includes("=")) throw new UsageError(`--runtime ${entry}: NAME=ENGINE_RUNTIME only applies with --engine`);
  if (!(DIRECT_RUNTIMES as readonly string[]).includes(entry))
    throw new UsageError(
      `unknown runtime "${entry}"; without --engine the harness drives ${DIRECT_RUNTIMES.join(", ")} (others, such as Kata or Firecracker, through --engine)`,
    );
  return { label: entry };
}

/** `kata-fc=io.containerd.kata-fc.v2`: the label names the outputs, the rest goes to `--runtime`. */
function engineRuntime(entry: string): RuntimeRequest {
  const [label = "", engineName, ...rest] = entry.split("=");
  if (rest.length > 0 || engineName === "")
    throw new UsageError(`--runtime ${entry}: expected NAME or LABEL=ENGINE_RUNTIME`);
  if (!LABEL.test(label))
    throw new UsageError(
      `--runtime ${entry}: the label "${label}" must be lower case letters, digits, '.', '_' or '-' (it names a folder)`,
    );
  if (label === "runsc-kvm") throw new UsageError(KVM_REFUSAL);
  if (label === "bare-metal") return { label };
  return { label, engineRuntime: engineName ?? label };
}

function parseReps(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const reps = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(reps) || reps < 1 || reps > MAX_REPS)
    throw new UsageError(`--reps "${text}": expected a whole number from 1 to ${MAX_REPS}`);
  return reps;
}

function parseWaitQuiet(value: boolean | string | undefined): number | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return DEFAULT_WAIT_QUIET_S;
  const seconds = Number(value);
  if (!/^\d+$/.test(value.trim()) || seconds < 1 || seconds > MAX_WAIT_QUIET_S)
    throw new UsageError(
      `--wait-quiet=${value}: expected the longest wait before a step in seconds, 1 to ${MAX_WAIT_QUIET_S} (alone: ${DEFAULT_WAIT_QUIET_S})`,
    );
  return seconds;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} "${value}": expected one of ${allowed.join(", ")}`);
}

/** 20261126-221503 in local time: sorts by date and needs no quoting in a path. */
function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
