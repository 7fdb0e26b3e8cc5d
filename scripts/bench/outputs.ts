import { chownSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { detectParser } from "@/lib/parsers";
import type { OutputStep } from "./steps/types";

/**
 * Where one step's output goes. A tool writes to a hidden partial file (ingest skips dot
 * files); only a complete, parseable output is renamed to its final name, so an interrupted
 * or failed step can never be mistaken for a measurement.
 */
export interface OutputTarget {
  /** Relative to the output folder, with forward slashes: `runc/fio-randread-4k-rep1.json`. */
  file: string;
  /** `runc/fio-randread-4k-rep1.failed.log`. */
  failedLog: string;
  finalPath: string;
  partialPath: string;
  failedLogPath: string;
}

export function outputTarget(
  outDir: string,
  runtime: string,
  step: Pick<OutputStep, "name" | "ext">,
  rep: number,
): OutputTarget {
  const stem = `${step.name}-rep${rep}`;
  const file = `${runtime}/${stem}.${step.ext}`;
  const failedLog = `${runtime}/${stem}.failed.log`;
  return {
    file,
    failedLog,
    finalPath: join(outDir, file),
    partialPath: join(outDir, runtime, `.${stem}.${step.ext}.partial`),
    failedLogPath: join(outDir, failedLog),
  };
}

/**
 * Why the partial output is not a complete measurement, or undefined when it is: the parser
 * that ingest will detect must be the step's tool, and it must find measurements.
 */
export function problemWithOutput(
  target: OutputTarget,
  step: Pick<OutputStep, "tool" | "parserOptions">,
): string | undefined {
  if (!existsSync(target.partialPath)) return "the tool wrote no output";
  const raw = readFileSync(target.partialPath, "utf8");
  if (raw.trim() === "") return "the tool wrote an empty output";
  const parser = detectParser(raw, target.file);
  if (!parser) return `the output is not recognised by any parser (expected ${step.tool})`;
  if (parser.id !== step.tool) return `the output looks like ${parser.id}, expected ${step.tool}`;
  try {
    const result = parser.parse(raw, {
      fileName: target.file,
      ...(step.parserOptions ? { options: step.parserOptions } : {}),
    });
    return result.samples.length === 0 ? `${step.tool} found no measurements in the output` : undefined;
  } catch (e) {
    return `the ${step.tool} parser rejects the output: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export function keepOutput(target: OutputTarget): void {
  // runsc hands the sandbox's stdio files to its unprivileged user (nobody); give them back.
  if (process.getuid && process.getgid) chownSync(target.partialPath, process.getuid(), process.getgid());
  renameSync(target.partialPath, target.finalPath);
}

/** Drops the partial output and leaves `<step>-rep<N>.failed.log` with the reason and stderr. */
export function recordFailure(
  target: OutputTarget,
  lines: { reason: string; command: string; stderr: string; hostCommand?: string; server?: string },
): void {
  const partial = existsSync(target.partialPath) ? readFileSync(target.partialPath, "utf8").slice(0, 4000) : "";
  rmSync(target.partialPath, { force: true });
  const text = [
    `# ${target.file} failed: not a measurement (hvscope.yaml marks this file ignore)`,
    `reason: ${lines.reason}`,
    `command: ${lines.command}`,
    ...(lines.server ? [`server in the sandbox: ${lines.server}`] : []),
    ...(lines.hostCommand ? [`sandbox started with: ${lines.hostCommand}`] : []),
    "",
    "--- stderr (last 64 KiB) ---",
    lines.stderr.trimEnd(),
    ...(partial ? ["", "--- start of the discarded output ---", partial.trimEnd()] : []),
    "",
  ].join("\n");
  writeFileSync(target.failedLogPath, text);
}
