import type { SourceUnit } from "@/lib/units";
import { samplesAsRepetitions } from "./runs";
import { runtimeInCommand } from "./runtime-in-command";
import { lineAt, toCanonical, toNumber } from "./text";
import { ParseError, type ParsedSample, type Parser, type WorkloadKey } from "./types";

// Format: GNU time 1.9 `time -v` (time.c, the verbose format string): one tab-indented
// `Label: value` line per resource, starting with `Command being timed: "cmd"` and ending with
// `Exit status: N`. `time -a -o FILE -v` appends one such block per run.
// The command names the workload, less the runtime it names (lib/parsers/runtime-in-command.ts).
// Fields Linux never fills (average sizes, swaps, socket messages, signals) are left out.
// Note: GNU time 1.7 reported Maximum resident set size 4x too large; 1.8 fixed it.
// Indentation is `[ \t]*`, not `\s*`: with the m flag `^\s*` also swallows blank lines, so on a
// file of blank lines every line start rescanned the rest of the file (quadratic: issue 7).
const COMMAND = /^[ \t]*Command being timed: "(.*)"[ \t]*$/gm;

interface Field {
  label: string;
  metric: string;
  unit: SourceUnit;
}

const FIELDS: Field[] = [
  { label: "User time (seconds)", metric: "user_time", unit: "s" },
  { label: "System time (seconds)", metric: "system_time", unit: "s" },
  { label: "Maximum resident set size (kbytes)", metric: "max_rss", unit: "kB" },
  { label: "Major (requiring I/O) page faults", metric: "major_page_faults", unit: "count" },
  { label: "Minor (reclaiming a frame) page faults", metric: "minor_page_faults", unit: "count" },
  { label: "Voluntary context switches", metric: "voluntary_context_switches", unit: "count" },
  { label: "Involuntary context switches", metric: "involuntary_context_switches", unit: "count" },
  { label: "File system inputs", metric: "fs_inputs", unit: "count" },
  { label: "File system outputs", metric: "fs_outputs", unit: "count" },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `h:mm:ss` or `m:ss.ss` (time prints the first form once the run reaches an hour). */
function elapsedSeconds(text: string, line: number): number {
  const parts = text.split(":").map((p) => toNumber(p, `elapsed time ${JSON.stringify(text)}`, line));
  if (parts.length < 2 || parts.length > 3)
    throw new ParseError(`expected elapsed time as h:mm:ss or m:ss, got ${JSON.stringify(text)}`, line);
  return parts.reduce((total, p) => total * 60 + p, 0);
}

function parseBlock(raw: string, start: number, block: string, command: string, workload: WorkloadKey): ParsedSample[] {
  const find = (label: string) => {
    const m = new RegExp(`^[ \\t]*${escape(label)}: (.*?)[ \\t]*$`, "m").exec(block);
    if (!m)
      throw new ParseError(`${command}: missing '${label}' (output cut short, or not time -v?)`, lineAt(raw, start));
    return { text: m[1] ?? "", line: lineAt(raw, start + m.index) };
  };
  // The last line of every block: without it the block was cut.
  find("Exit status");
  const elapsed = find("Elapsed (wall clock) time (h:mm:ss or m:ss)");
  const samples: ParsedSample[] = [
    {
      workload,
      metric: "wall_time",
      unit: "ns",
      value: Math.round(toCanonical(elapsedSeconds(elapsed.text, elapsed.line), "s").value),
    },
  ];
  for (const { label, metric, unit } of FIELDS) {
    const { text, line } = find(label);
    const converted = toCanonical(toNumber(text, label, line), unit);
    samples.push({ workload, metric, unit: converted.unit, value: Math.round(converted.value) });
  }
  // time prints "?%" when the elapsed time rounds to zero.
  const cpu = find("Percent of CPU this job got");
  if (cpu.text !== "?%")
    samples.push({
      workload,
      metric: "cpu_usage",
      unit: "percent",
      value: toNumber(cpu.text.replace(/%$/, ""), "percent of CPU", cpu.line),
    });
  return samples;
}

/**
 * The timed command's workload and runtime: `runc run …` and `runsc --platform=ptrace run …`
 * are one workload under two runtimes (the rule hyperfine's commands follow).
 */
function workloadOf(command: string): { workload: WorkloadKey; runtimeInCommand?: string } {
  const named = runtimeInCommand(command);
  const name = named?.workload ?? command;
  const workload: WorkloadKey = { name, category: "footprint", params: { command: name } };
  return named ? { workload, runtimeInCommand: named.runtime } : { workload };
}

export const gnuTimeParser: Parser = {
  id: "gnu-time",
  // 2: a runtime named in the timed command sets the run's runtime, and is left out of its workload name.
  version: 2,
  describe: "GNU time -v (verbose) report, one block per timed run",
  detect: (raw) =>
    /^[ \t]*Command being timed: "/m.test(raw) && /^[ \t]*Maximum resident set size \(kbytes\): /m.test(raw),
  parse(raw) {
    const blocks = [...raw.matchAll(COMMAND)];
    if (blocks.length === 0) throw new ParseError("missing the 'Command being timed: \"...\"' line of time -v");
    // Appended runs of one command are repetitions; a lone run is just a measurement.
    const runs = blocks.map((b, i) => {
      const command = b[1] ?? "";
      const { workload, runtimeInCommand: runtime } = workloadOf(command);
      const block = raw.slice(b.index, blocks[i + 1]?.index ?? raw.length);
      const samples = parseBlock(raw, b.index, block, command, workload);
      return runtime ? samples.map((s) => ({ ...s, runtimeInCommand: runtime })) : samples;
    });
    const commands = new Set(blocks.map((b) => b[1] ?? ""));
    return { command: commands.size === 1 ? blocks[0]?.[1] : undefined, samples: samplesAsRepetitions(runs) };
  },
};
