import { createHash } from "node:crypto";
import { detectParser, DETECTION_ORDER, getParser, toolsIn } from "@/lib/parsers";
import { ParseError, type ParsedSample, type Parser, type WorkloadKey } from "@/lib/parsers/types";
import { resolveRuntime, upstreamVersion, withVersionDefaults, type ResolvedRuntime } from "@/lib/runtime-ids";
import { defaultDirection, type Direction, type Unit } from "@/lib/units";
import type { FileLabels } from "./labels";

export interface PlannedSample {
  metric: string;
  unit: Unit;
  direction: Direction;
  value: number;
}

/** One future `runs` row: repetition is the 0-based offset inside this file. */
export interface PlannedRun {
  runtimeLabel: string;
  runtime: ResolvedRuntime;
  workload: WorkloadKey;
  repetition: number;
  samples: PlannedSample[];
}

export interface FilePlan {
  parser: Parser;
  toolVersion?: string;
  command?: string;
  startedAt?: Date;
  runs: PlannedRun[];
  sampleCount: number;
}

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Picks a parser, parses, applies labels and groups samples into runs. Throws on any problem. */
export function planFile(raw: string, fileName: string, labels: FileLabels): FilePlan {
  if (raw.trim() === "") throw new ParseError("empty file");
  if (raw.includes("\u0000"))
    throw new ParseError("binary content (NUL bytes); expected a text output of a benchmark tool");
  const parser = pickParser(raw, fileName, labels);
  const result = parser.parse(raw, { fileName, ...(labels.options ? { options: labels.options } : {}) });
  if (result.samples.length === 0) throw new ParseError(`${parser.id} found no measurements`);
  refuseOneLabelForSeveralRuntimes(result.samples, labels);
  const rename = workloadRenamer(result.samples, labels);
  const runs = new Map<string, PlannedRun>();
  for (const s of result.samples) {
    if (!Number.isFinite(s.value)) throw new ParseError(`${s.metric} of ${s.workload.name} is not a finite number`);
    const runtimeLabel = runtimeLabelOf(s, labels);
    if (!runtimeLabel)
      throw new ParseError(
        "no runtime: pass --runtime, add a manifest rule with {runtime}, or put the file in a folder named after its runtime",
      );
    const workload = rename(s.workload);
    const repetition = s.repetition ?? 0;
    const key = JSON.stringify([runtimeLabel, s.runtimeVersion, s.runtimeVariant, workload.name, repetition]);
    let run = runs.get(key);
    if (!run) {
      run = { runtimeLabel, runtime: runtimeOf(runtimeLabel, labels, s), workload, repetition, samples: [] };
      runs.set(key, run);
    }
    if (run.samples.some((p) => p.metric === s.metric))
      throw new ParseError(
        `metric ${s.metric} appears twice for ${workload.name} (${runtimeLabel}, repetition ${repetition + 1})`,
      );
    run.samples.push({
      metric: s.metric,
      unit: s.unit,
      direction: s.direction ?? defaultDirection(s.unit),
      value: s.value,
    });
  }
  const plan: FilePlan = { parser, runs: [...runs.values()], sampleCount: result.samples.length };
  const toolVersion = labels.toolVersion ?? result.toolVersion;
  const command = result.command ?? labels.command;
  if (toolVersion) plan.toolVersion = toolVersion;
  if (command) plan.command = command;
  if (result.startedAt) plan.startedAt = result.startedAt;
  return plan;
}

/** A parse error with a short message; `detail` is the long form that `--verbose` shows. */
export class DetailedParseError extends ParseError {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

export function detailOf(e: unknown): string | undefined {
  return e instanceof DetailedParseError ? e.detail : undefined;
}

function pickParser(raw: string, fileName: string, labels: FileLabels): Parser {
  if (labels.parser) return getParser(labels.parser);
  const tools = toolsIn(raw, fileName);
  // Each parser reads its own tool's report and passes over other text: one would drop the rest.
  if (tools.length > 1)
    throw new ParseError(
      `holds the output of ${tools.length} tools (${tools.map((p) => p.id).join(", ")}): import each tool's output ` +
        "as a file of its own (or name the one parser to read it with in a manifest rule)",
    );
  const found = tools[0] ?? detectParser(raw, fileName);
  if (found) return found;
  // Most such files are derived (summaries, CDFs) or not outputs at all: ignoring them is the usual fix.
  throw new DetailedParseError(
    `not recognised by any parser (tried ${DETECTION_ORDER.map((p) => p.id).join(", ")}); ` +
      "if it is not a measurement, add it to the manifest's ignore, else name its parser in a manifest rule " +
      "(--verbose: what each parser expects)",
    `not recognised by any parser; tried: ${DETECTION_ORDER.map((p) => `${p.id} (${p.describe})`).join("; ")}`,
  );
}

/**
 * A workload label renames the file's workload when the content holds one; with several
 * (a fio file with a read and a write job) it prefixes each, so they stay distinct.
 */
function workloadRenamer(samples: ParsedSample[], labels: FileLabels): (w: WorkloadKey) => WorkloadKey {
  const distinct = new Set(samples.map((s) => s.workload.name)).size;
  const cache = new Map<string, WorkloadKey>();
  return (w) => {
    let out = cache.get(w.name);
    if (!out) {
      const name = labels.workload ? (distinct === 1 ? labels.workload : `${labels.workload} ${w.name}`) : w.name;
      out = { name, category: labels.category ?? w.category, params: { ...w.params, ...labels.params } };
      cache.set(w.name, out);
    }
    return out;
  };
}

/**
 * A runtime column wins for its rows (README, "Labels"); a runtime named in a command only beats
 * a path convention, since a CLI flag or manifest rule is the user saying what ran.
 */
function runtimeLabelOf(s: ParsedSample, labels: FileLabels): string | undefined {
  if (s.runtime) return s.runtime;
  if (labels.runtimeFromPath) return s.runtimeInCommand ?? labels.runtime;
  return labels.runtime ?? s.runtimeInCommand;
}

/**
 * A --runtime flag or manifest rule beats a runtime named in a command, as the user saying what
 * ran; but when a file's commands name several runtimes, one label for all would merge them into
 * one series (or fail on a metric seen twice), so the file is refused with what it names.
 */
function refuseOneLabelForSeveralRuntimes(samples: ParsedSample[], labels: FileLabels): void {
  if (labels.runtime === undefined || labels.runtimeFromPath) return;
  const named = new Set<string>();
  for (const s of samples)
    if (!s.runtime && s.runtimeInCommand) named.add(resolveRuntime(s.runtimeInCommand, labels.aliases).id);
  if (named.size < 2) return;
  const label = labels.runtimeFromFlag ? `--runtime ${labels.runtime}` : `the manifest's runtime '${labels.runtime}'`;
  const fix = labels.runtimeFromFlag
    ? "leave --runtime out for this file"
    : "leave runtime out of the rule that matches this file";
  throw new ParseError(
    `the file's commands name ${named.size} runtimes (${[...named].join(", ")}), and ${label} would label them all ` +
      `${resolveRuntime(labels.runtime, labels.aliases).id}: ${fix}, so that each run keeps the runtime its command names`,
  );
}

/** A row's own version and variant (a tidy CSV's columns) win for it, as its runtime does. */
function runtimeOf(label: string, labels: FileLabels, s: ParsedSample): ResolvedRuntime {
  const resolved = resolveRuntime(label, labels.aliases);
  // Stored as upstream names it; the raw string stays in the manifest or file it came from.
  const rawVersion = s.runtimeVersion ?? labels.version ?? resolved.version;
  const version = rawVersion === undefined ? undefined : upstreamVersion(resolved.id, rawVersion);
  const variant = s.runtimeVariant ?? labels.variant ?? resolved.variant;
  // A bare `runsc` ran its release's default platform (lib/runtime-ids.ts, runscDefaultPlatform).
  const id = withVersionDefaults(resolved.id, version);
  return { id, known: resolved.known, ...(version ? { version } : {}), ...(variant ? { variant } : {}) };
}
