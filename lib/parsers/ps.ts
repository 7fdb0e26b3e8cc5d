import { z } from "zod";
import { readOptions } from "./parser-options";
import { toCanonical, toNumber } from "./text";
import { ParseError, type ParsedSample, type Parser, type WorkloadKey } from "./types";

// Format: procps `ps -o pid,vsz,rss,command` (procps-ng 4.0.2, ps(1) "STANDARD FORMAT SPECIFIERS"):
// a header row, then one row per process; VSZ and RSS are in KiB; the command is the last
// column and may contain spaces. `cmd`/`args`/`comm` are accepted as the command column too.
const HEADER = /^\s*PID\s+(?:\S+\s+)*?(?:VSZ|RSS)\b.*\b(?:COMMAND|CMD)\s*$/;
const MEMORY_COLUMNS: Record<string, string> = { VSZ: "vsz", RSS: "rss" };

/**
 * `sum: true` (manifest option) adds up every listed process into one `vsz_total`/`rss_total`:
 * a sandbox is several host processes (gVisor's Sentry and Gofer, a VMM and its helpers), and
 * runtimes only compare on one number per sandbox.
 */
const OPTIONS = z.object({ sum: z.boolean().default(false) }).strict();

/** `../bin/firecracker --no-api ...` -> `firecracker`: paths and pids vary, the program does not. */
function programOf(command: string): string {
  const first = command.trim().split(/\s+/)[0] ?? "";
  return first.replace(/^.*\//, "").replace(/^\[(.*)\]$/, "$1");
}

export const psParser: Parser = {
  id: "ps",
  version: 1,
  describe: "ps -o pid,vsz,rss,command (KiB), one row per process",
  detect: (raw) => HEADER.test(raw.split("\n", 1)[0] ?? ""),
  parse(raw, ctx) {
    const { sum } = readOptions(OPTIONS, ctx.options, "ps");
    const lines = raw.split(/\r?\n/);
    const columns = (lines[0] ?? "").trim().split(/\s+/);
    if (!HEADER.test(lines[0] ?? ""))
      throw new ParseError("expected a ps header row with PID, VSZ or RSS, and COMMAND columns", 1);
    const rows = lines
      .slice(1)
      .map((text, i) => ({ text, line: i + 2 }))
      .filter((r) => r.text.trim() !== "");
    if (rows.length === 0) throw new ParseError("the ps header has no process rows below it");
    const parsed = rows.map(({ text, line }) => {
      const fields = text.trim().split(/\s+/);
      if (fields.length < columns.length) {
        throw new ParseError(`expected ${columns.length} columns (${columns.join(", ")}), got ${fields.length}`, line);
      }
      // Everything from the last header column on is the command line, spaces included.
      const command = fields.slice(columns.length - 1).join(" ");
      return { fields, line, command, program: programOf(command) };
    });
    const commands = new Set(parsed.map((r) => r.command));
    const command = commands.size === 1 ? parsed[0]?.command : undefined;
    if (sum) return { command, samples: totalsOf(columns, parsed) };
    // Rows of one program are the same workload measured several times (e.g. one VMM per
    // microVM), so each such row is a repetition; a program listed once is a single measurement.
    const count = new Map<string, number>();
    for (const { program } of parsed) count.set(program, (count.get(program) ?? 0) + 1);
    const seen = new Map<string, number>();
    const samples = parsed.flatMap(({ fields, line, program }) => {
      const index = seen.get(program) ?? 0;
      seen.set(program, index + 1);
      const repetition = (count.get(program) ?? 0) > 1 ? index : undefined;
      const workload: WorkloadKey = { name: `ps ${program}`, category: "footprint", params: { command: program } };
      return columns.flatMap((col, i): ParsedSample[] => {
        const metric = MEMORY_COLUMNS[col];
        if (metric === undefined) return [];
        const { value, unit } = toCanonical(toNumber(fields[i], `${col} (KiB)`, line), "KiB");
        return [
          repetition === undefined ? { workload, metric, unit, value } : { workload, metric, unit, value, repetition },
        ];
      });
    });
    return { command, samples };
  },
};

/** One workload named after every program listed (`ps total runsc-gofer+runsc-sandbox`), one sample per column. */
function totalsOf(columns: string[], rows: { fields: string[]; line: number; program: string }[]): ParsedSample[] {
  const programs = [...new Set(rows.map((r) => r.program))].sort().join("+");
  const workload: WorkloadKey = {
    name: `ps total ${programs}`,
    category: "footprint",
    params: { command: programs, processes: rows.length },
  };
  return columns.flatMap((col, i): ParsedSample[] => {
    const metric = MEMORY_COLUMNS[col];
    if (metric === undefined) return [];
    const kib = rows.reduce((total, { fields, line }) => total + toNumber(fields[i], `${col} (KiB)`, line), 0);
    const { value, unit } = toCanonical(kib, "KiB");
    return [{ workload, metric: `${metric}_total`, unit, value }];
  });
}
