import type { Category } from "@/lib/categories";
import type { Direction, Unit } from "@/lib/units";

export const TOOL_IDS = [
  "sysbench",
  "fio",
  "iperf3",
  "wrk",
  "ab",
  "redis-benchmark",
  "hyperfine",
  "stress-ng",
  "ping",
  "ps",
  "pmap",
  "meminfo",
  "gnu-time",
  "bash-time",
  "mbw",
  "tidy-csv",
  "table",
] as const;
export type ToolId = (typeof TOOL_IDS)[number];

export type ParamValue = string | number | boolean;

/** What was run, identified from content: tool test plus the parameters that change its meaning. */
export interface WorkloadKey {
  /** Human-readable and stable, e.g. `fio randread bs=4k iodepth=32`. */
  name: string;
  category: Category;
  params: Record<string, ParamValue>;
}

export interface ParsedSample {
  workload: WorkloadKey;
  /** snake_case, e.g. `read_iops`, `latency_p95`, `events_per_s`. */
  metric: string;
  unit: Unit;
  /** Already converted to `unit`. */
  value: number;
  /** Only when the metric's direction differs from the unit's default. */
  direction?: Direction;
  /**
   * 0-based index of a repeated measurement inside one file (each hyperfine time, each
   * boot-time line). Samples sharing workload and repetition belong to one run.
   */
  repetition?: number;
  /** Runtime name as written inside the content (tidy CSV rows); resolved later. */
  runtime?: string;
  /** With `runtime`: its version and variant as the content gives them (hvscope's own export). */
  runtimeVersion?: string;
  runtimeVariant?: string;
  /**
   * Runtime named by the command the tool ran (hyperfine's command or its parameters): weaker
   * than `runtime`, a CLI flag or manifest rule wins over it; a path convention does not.
   */
  runtimeInCommand?: string;
}

export interface ParseResult {
  toolVersion?: string;
  /** The command line, when the output records it (hyperfine, fio job options...). */
  command?: string;
  startedAt?: Date;
  samples: ParsedSample[];
}

/** Options a manifest may pass to a parser (CSV column names, table columns...). */
export type ParserOptions = Record<string, unknown>;

export interface ParseContext {
  fileName: string;
  options?: ParserOptions;
}

export interface Parser {
  id: ToolId;
  /** Bump when the parser's output changes for the same input. Stored with each source file. */
  version: number;
  /** One line, shown when nothing recognises a file ("tried: ..."). */
  describe: string;
  /** Cheap content sniff; the file name may help but must never be required. */
  detect(raw: string, fileName: string): boolean;
  /** Throws ParseError when the content is not a complete, valid output. */
  parse(raw: string, ctx: ParseContext): ParseResult;
}

/** A problem with the input, with the line it was found on when known (1-based). */
export class ParseError extends Error {
  /** The message without its line number, for a caller that places it in a larger text. */
  readonly reason: string;

  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = "ParseError";
    this.reason = message;
  }
}
