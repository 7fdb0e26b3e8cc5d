import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { writeHostDumps } from "./host-dumps";
import { onInterrupt, wasInterrupted } from "./cleanup";
import { buildManifest, manifestYaml, STEPS_FILE, type StepRecord } from "./manifest-writer";
import { UsageError, type BenchOptions } from "./cli-options";
import { runEntry } from "./run-step";
import { RuntimeUnavailable, type RuntimeDriver } from "./drivers/driver";
import { openDriver, type OpenContext } from "./drivers/open";
import { SUITES } from "./suites";
import { serverVersions, toolVersions } from "./tool-versions";
import { MachineWatch, QUIET_LIMITS } from "./machine-load";
import { describeMachine, watchStep } from "./quiet-gate";
import { variationOf, variationSummary, type Variation } from "./variation";

export interface RuntimeOutcome {
  label: string;
  /** As upstream names it; the manifest and ingest use this one. */
  version?: string;
  /** As the installed binary printed it (Debian's `1.1.5+ds1`, `0.0~20221219.0`). */
  versionAsPrinted?: string;
  variant?: string;
  status: "measured" | "skipped";
  reason?: string;
  /** Wall time spent in this runtime's steps, all repetitions. */
  seconds?: number;
}

export interface BenchResult {
  outDir: string;
  records: StepRecord[];
  runtimes: RuntimeOutcome[];
  seconds: number;
  /** Per runtime and workload, the coefficient of variation across repetitions. */
  variation: Variation[];
}

export interface BenchIo {
  /** The command line as typed, recorded in the manifest and steps.json. */
  commandLine: string;
  log(message: string): void;
}

/**
 * Runs the suite for every runtime, repetition by repetition (runtime after runtime within a
 * repetition, so slow drifts of a shared machine spread over all runtimes alike), and keeps
 * the manifest and steps.json current after every step: an interrupted run is still ingestible.
 */
export async function runBench(options: BenchOptions, io: BenchIo): Promise<BenchResult> {
  const outDir = prepareOutDir(options.out);
  const started = new Date();
  const runId = String(process.pid);
  // Scratch files, bundles and runtime state live outside the output folder; 0755 lets Nginx's
  // unprivileged workers reach their files on bare metal too.
  const workRoot = mkdtempSync(join(tmpdir(), "hvscope-bench-"));
  chmodSync(workRoot, 0o755);
  const drivers: RuntimeDriver[] = [];
  const removeWork = () => {
    for (const driver of drivers) driver.dispose?.();
    rmSync(workRoot, { recursive: true, force: true });
  };
  // Registered first, so on Ctrl-C it runs last, after the sandboxes are gone.
  const unregister = onInterrupt(removeWork);
  const host = hostname();
  const dataset = options.dataset ?? `bench-${options.suite}-${host}-${started.toISOString().slice(0, 10)}`;
  const records: StepRecord[] = [];
  const elapsed = () => (Date.now() - started.getTime()) / 1000;
  try {
    await writeHostDumps(outDir);
    const tools = await toolVersions();
    const software = { ...tools, ...(await serverVersions()) };
    const { opened, runtimes } = await openAll(options, {
      workRoot,
      runId,
      fixCrunCgroups: options.fixCrunCgroups,
      log: io.log,
      ...engineOf(options),
    });
    drivers.push(...opened.map((o) => o.driver));
    const watch = new MachineWatch(`hvscope-${runId}-`);
    let variation: Variation[] = [];
    const save = () =>
      saveRecords(outDir, { dataset, host, options, io, started, records, runtimes, software, variation, watch });
    save();
    const finish = () => {
      variation = variationOf(outDir, records);
      for (const line of variationSummary(variation)) io.log(line);
      save();
      return { outDir, records, runtimes, seconds: elapsed(), variation };
    };
    let counter = 0;
    for (let rep = 1; rep <= options.reps; rep++) {
      for (const { driver, outcome } of opened) {
        for (const entry of SUITES[options.suite]) {
          if (wasInterrupted()) return { outDir, records, runtimes, seconds: elapsed(), variation };
          const stepEnded = await watchStep(watch, options.waitQuietS, io.log);
          const t0 = Date.now();
          const env = {
            driver,
            outDir,
            rep,
            toolVersions: tools,
            sandboxName: (step: string) => `hvscope-${runId}-${++counter}-${step}`,
          };
          const done = await runEntry(entry, env);
          outcome.seconds = (outcome.seconds ?? 0) + (Date.now() - t0) / 1000;
          // A server's clients share one server start, so they share its evidence too.
          const machine = stepEnded();
          records.push(...done.map((r) => ({ ...r, machine })));
          for (const r of done)
            io.log(
              `[rep ${rep}/${options.reps}] ${driver.label} ${r.step}: ${r.status === "ok" ? "ok" : `${r.status.toUpperCase()}: ${firstLine(r.error)}`} (${describeMachine(machine)})`,
            );
          if (machine.notQuiet) io.log(`WARNING: the machine was not quiet around ${entry.name}: ${machine.notQuiet}`);
          save();
        }
      }
    }
    return finish();
  } finally {
    unregister();
    removeWork();
  }
}

/** Opens every requested runtime; one that cannot run here is reported and left out. */
async function openAll(options: BenchOptions, ctx: OpenContext) {
  const opened: { driver: RuntimeDriver; outcome: RuntimeOutcome }[] = [];
  const runtimes: RuntimeOutcome[] = [];
  for (const request of options.runtimes) {
    try {
      const driver = await openDriver(request, ctx);
      const outcome: RuntimeOutcome = {
        label: driver.label,
        status: "measured",
        seconds: 0,
        ...definedOf({ version: driver.version, versionAsPrinted: driver.versionAsPrinted, variant: driver.variant }),
      };
      opened.push({ driver, outcome });
      runtimes.push(outcome);
      ctx.log(`${driver.label}: ready${driver.version ? ` (version ${driver.version})` : ""}`);
    } catch (e) {
      if (!(e instanceof RuntimeUnavailable)) throw e;
      runtimes.push({ label: request.label, status: "skipped", reason: e.message });
      ctx.log(`${request.label}: SKIPPED: ${e.message}`);
    }
  }
  return { opened, runtimes };
}

/** A new or empty folder: results of two runs must never mix under one manifest. */
function prepareOutDir(out: string): string {
  if (existsSync(out) && readdirSync(out).length > 0)
    throw new UsageError(`--out ${out} is not empty; give a new folder (two runs must not share one manifest)`);
  mkdirSync(out, { recursive: true });
  return out;
}

function engineOf(options: BenchOptions) {
  return definedOf({ engine: options.engine, image: options.image });
}

function definedOf<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function firstLine(text: string | undefined): string {
  return (text ?? "").split("\n", 1)[0] ?? "";
}

interface SaveInput {
  dataset: string;
  host: string;
  options: BenchOptions;
  io: BenchIo;
  started: Date;
  records: StepRecord[];
  runtimes: RuntimeOutcome[];
  software: Record<string, string>;
  variation: Variation[];
  watch: MachineWatch;
}

function saveRecords(outDir: string, s: SaveInput): void {
  const measured = s.runtimes
    .filter((r) => r.status === "measured")
    .map((r) => `${r.label}${r.version ? ` ${r.version}` : ""}`);
  const notQuiet = s.records.filter((r) => r.machine?.notQuiet).length;
  const quiet =
    notQuiet === 0
      ? "machine quiet around every step"
      : `NOT QUIET: other work ran around ${notQuiet} of ${s.records.length} steps (${STEPS_FILE}, machine.notQuiet)`;
  const description = `hvscope bench, suite ${s.options.suite}, ${s.options.reps} repetition(s), on ${s.host}: ${measured.join(", ") || "no runtime"}; ${quiet}`;
  const manifest = buildManifest({ dataset: s.dataset, host: s.host, description, records: s.records });
  const header = [
    `Written by: ${s.io.commandLine}`,
    `Started ${s.started.toISOString()}, last updated ${new Date().toISOString()}.`,
    `${STEPS_FILE} holds each step's start and end time, the host-side command, server commands, skipped runtimes,`,
    `the load average and busiest other processes before and during each step, and the variation across repetitions.`,
    quiet,
  ];
  writeFileSync(join(outDir, "hvscope.yaml"), manifestYaml(manifest, header));
  const steps = {
    command: s.io.commandLine,
    suite: s.options.suite,
    reps: s.options.reps,
    dataset: s.dataset,
    host: s.host,
    startedAt: s.started.toISOString(),
    updatedAt: new Date().toISOString(),
    cores: s.watch.cores,
    quietLimits: QUIET_LIMITS,
    notQuietSteps: notQuiet,
    runtimes: s.runtimes,
    software: s.software,
    variation: s.variation,
    steps: s.records,
  };
  writeFileSync(join(outDir, STEPS_FILE), `${JSON.stringify(steps, null, 2)}\n`);
}
