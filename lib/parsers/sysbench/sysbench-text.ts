import type { Category } from "@/lib/categories";
import { type Direction, type Unit, isSourceUnit } from "@/lib/units";
import { lineAt, toCanonical, toNumber } from "../text";
import { ParseError, type ParamValue } from "../types";

// Per-test sections of a sysbench 1.0 text report. Formats pinned to the 1.0.20 tag:
//   cpu     https://github.com/akopytov/sysbench/blob/1.0.20/src/tests/cpu/sb_cpu.c
//   memory  https://github.com/akopytov/sysbench/blob/1.0.20/src/tests/memory/sb_memory.c
//   fileio  https://github.com/akopytov/sysbench/blob/1.0.20/src/tests/fileio/sb_fileio.c
//   oltp_*  https://github.com/akopytov/sysbench/blob/1.0.20/src/db_driver.c (db_report_cumulative)

export interface Metric {
  metric: string;
  unit: Unit;
  value: number;
  direction?: Direction;
}

export interface Section {
  /** Test name as sysbench spells it on its command line (`cpu`, `oltp_read_write`...). */
  test: string;
  category: Category;
  /** Printed parameters that change what the run measures, in name order. */
  label: string[];
  params: Record<string, ParamValue>;
  metrics: Metric[];
}

/**
 * Where one report's lines are: the header (options, before the first "General statistics:")
 * is shared by every checkpoint report; each report's results lie in [from, to).
 */
export interface Bounds {
  headerEnd: number;
  from: number;
  to: number;
}

/**
 * `re` run on `raw` between offsets `from` and `to`, reporting offsets (and so line numbers) of the
 * whole file. The bound keeps a search for a missing line inside its own report: unbounded, every
 * report of a long checkpointed run scanned to the end of the file (quadratic time).
 */
export function execFrom(raw: string, re: RegExp, from = 0, to = raw.length): RegExpExecArray | null {
  // A slice shares the file's characters (V8 does not copy it), so this costs O(to - from) at most.
  const m = new RegExp(re.source, re.flags.replace("g", "")).exec(raw.slice(from, to));
  if (m) m.index += from;
  return m;
}

export function numberFrom(raw: string, re: RegExp, what: string, from = 0, to = raw.length): number {
  const m = execFrom(raw, re, from, to);
  if (!m) throw new ParseError(`missing ${what} (expected a line matching ${re.source})`);
  return toNumber(m[1], what, lineAt(raw, m.index));
}

function stringFrom(raw: string, re: RegExp, what: string, from = 0, to = raw.length): string {
  const m = execFrom(raw, re, from, to);
  if (!m?.[1]) throw new ParseError(`missing ${what} (expected a line matching ${re.source})`);
  return m[1];
}

/** sysbench prints sizes through sb_print_size(): `16KiB`, `409.6MiB`, `2GiB`. */
function sizeBytes(text: string, what: string): number {
  const m = /^([\d.]+)(B|KiB|MiB|GiB)$/.exec(text);
  if (!m?.[2] || !isSourceUnit(m[2]))
    throw new ParseError(`expected a size like 16KiB for ${what}, got ${JSON.stringify(text)}`);
  return toCanonical(toNumber(m[1], what), m[2]).value;
}

const mib = (value: number) => toCanonical(value, "MiB/s");

export function cpuSection(raw: string, at: Bounds): Section {
  const maxPrime = numberFrom(raw, /^Prime numbers limit: (\d+)$/m, "cpu 'Prime numbers limit'", 0, at.headerEnd);
  return {
    test: "cpu",
    category: "cpu",
    label: [`max_prime=${maxPrime}`],
    params: { max_prime: maxPrime },
    metrics: [
      {
        metric: "events_per_s",
        unit: "ops_per_s",
        value: numberFrom(raw, /^ +events per second: +([\d.]+)$/m, "cpu 'events per second'", at.from, at.to),
      },
    ],
  };
}

export function memorySection(raw: string, at: Bounds): Section {
  const header = (re: RegExp, what: string) => stringFrom(raw, re, what, 0, at.headerEnd);
  const blockText = header(/^ +block size: (\S+)$/m, "memory 'block size'");
  const operation = header(/^ +operation: (\w+)$/m, "memory 'operation'");
  const scope = header(/^ +scope: (\w+)$/m, "memory 'scope'");
  const metrics: Metric[] = [
    {
      metric: "operations_per_s",
      unit: "ops_per_s",
      value: numberFrom(
        raw,
        /^Total operations: \d+ \( *([\d.]+) per second\)$/m,
        "memory 'Total operations' rate",
        at.from,
        at.to,
      ),
    },
  ];
  // sb_memory.c prints no transfer line for --memory-oper=none: nothing was moved.
  if (operation !== "none") {
    const rate = numberFrom(
      raw,
      /^[\d.]+ MiB transferred \(([\d.]+) MiB\/sec\)$/m,
      "memory 'MiB transferred' rate",
      at.from,
      at.to,
    );
    metrics.push({ metric: "transfer_rate", ...mib(rate) });
  }
  // --memory-access-mode (seq/rnd) is not printed by 1.0.20, so it cannot be part of the key.
  return {
    test: "memory",
    category: "memory",
    label: [operation, `bs=${blockText}`, `scope=${scope}`],
    params: {
      operation,
      block_size: sizeBytes(blockText, "memory block size"),
      total_size: sizeBytes(header(/^ +total size: (\S+)$/m, "memory 'total size'"), "memory total size"),
      scope,
    },
    metrics,
  };
}

const FILEIO_MODES: Record<string, string> = {
  "sequential write (creation)": "seqwr",
  "sequential rewrite": "seqrewr",
  "sequential read": "seqrd",
  "random read": "rndrd",
  "random write": "rndwr",
  "random r/w": "rndrw",
};
// A mode that never reads prints "reads/s: 0.00"; that zero is not a result, so it is left out.
const READING = new Set(["seqrd", "rndrd", "rndrw"]);
const WRITING = new Set(["seqwr", "seqrewr", "rndwr", "rndrw"]);
const IO_MODES: Record<string, string> = {
  synchronous: "sync",
  asynchronous: "async",
  "fast mmaped": "mmap",
  mmaped: "mmap",
};

export function fileioSection(raw: string, at: Bounds): Section {
  const header = (re: RegExp, what: string) => stringFrom(raw, re, what, 0, at.headerEnd);
  const headerNumber = (re: RegExp, what: string) => numberFrom(raw, re, what, 0, at.headerEnd);
  const modeText = header(/^Doing (.+) test$/m, "fileio 'Doing <mode> test' line");
  const mode = FILEIO_MODES[modeText];
  if (!mode) throw new ParseError(`unknown fileio test mode ${JSON.stringify(modeText)}`);
  const ioText = header(/^Using (.+) I\/O mode$/m, "fileio 'Using <mode> I/O mode' line");
  const ioMode = IO_MODES[ioText] ?? ioText;
  const blockText = header(/^Block size (\S+)$/m, "fileio 'Block size'");
  const flags = header(/^Extra file open flags: (.+)$/m, "fileio 'Extra file open flags'");
  const params: Record<string, ParamValue> = {
    mode,
    block_size: sizeBytes(blockText, "fileio block size"),
    file_num: headerNumber(/^(\d+) files, \S+ each$/m, "fileio 'N files, S each'"),
    file_total_size: sizeBytes(
      header(/^(\S+) total file size$/m, "fileio 'total file size'"),
      "fileio total file size",
    ),
    io_mode: ioMode,
    // Absent line means --file-fsync-freq=0 (no periodic fsync).
    fsync_freq: Number(
      execFrom(raw, /^Periodic FSYNC enabled, calling fsync\(\) each (\d+) requests\.$/m, 0, at.headerEnd)?.[1] ?? 0,
    ),
  };
  const label = [mode, `bs=${blockText}`, `io=${ioMode}`];
  if (flags !== "(none)") {
    params.extra_flags = flags;
    label.push(`flags=${flags}`);
  }
  // --file-fsync-all=on syncs every write instead of every N requests (no "Periodic FSYNC" line):
  // another workload than the default, so it is named.
  if (execFrom(raw, /^Calling fsync\(\) after each write operation\.$/m, 0, at.headerEnd)) {
    params.fsync_all = true;
    label.push("fsync=all");
  }
  // The ratio line is printed for every mode but only steers rndrw.
  if (mode === "rndrw")
    params.rw_ratio = headerNumber(
      /^Read\/Write ratio for combined random IO test: ([\d.]+)$/m,
      "fileio read/write ratio",
    );
  const ops = (name: string) =>
    numberFrom(raw, new RegExp(`^ +${name}/s: +([\\d.]+)$`, "m"), `fileio '${name}/s'`, at.from, at.to);
  const bw = (name: string) =>
    mib(numberFrom(raw, new RegExp(`^ +${name}, MiB/s: +([\\d.]+)$`, "m"), `fileio '${name}, MiB/s'`, at.from, at.to));
  return {
    test: "fileio",
    category: "disk",
    label,
    params,
    metrics: [
      ...(READING.has(mode)
        ? [
            { metric: "reads_per_s", unit: "ops_per_s" as const, value: ops("reads") },
            { metric: "read_bw", ...bw("read") },
          ]
        : []),
      ...(WRITING.has(mode)
        ? [
            { metric: "writes_per_s", unit: "ops_per_s" as const, value: ops("writes") },
            { metric: "fsyncs_per_s", unit: "ops_per_s" as const, value: ops("fsyncs") },
            { metric: "write_bw", ...bw("written") },
          ]
        : []),
    ],
  };
}

export const OLTP_TESTS = [
  "oltp_read_write",
  "oltp_read_only",
  "oltp_write_only",
  "oltp_point_select",
  "oltp_update_non_index",
  "oltp_update_index",
  "oltp_insert",
  "oltp_delete",
  "select_random_points",
  "select_random_ranges",
  "bulk_insert",
] as const;

/**
 * The oltp_* scripts do not print their own name, so without a hint the query mix of the
 * bundled scripts identifies them: read_write is the only one doing reads and writes,
 * point_select the only read-only one with one query per transaction (no BEGIN/COMMIT),
 * write_only the only write-only one wrapped in BEGIN/COMMIT. Anything else stays `oltp`.
 */
function oltpFromMix(read: number, write: number, other: number, total: number, transactions: number): string {
  if (read > 0 && write > 0) return "oltp_read_write";
  if (read > 0 && write === 0) return transactions === total ? "oltp_point_select" : "oltp_read_only";
  if (read === 0 && write > 0 && other > 0) return "oltp_write_only";
  return "oltp";
}

export function oltpSection(raw: string, at: Bounds, hint: string | undefined): Section {
  const count = (name: string) =>
    numberFrom(raw, new RegExp(`^ +${name}: +(\\d+)$`, "m"), `oltp '${name}' query count`, at.from, at.to);
  const rated = (name: string) => {
    const re = new RegExp(`^ +${name}: +(\\d+) +\\(([\\d.]+) per sec\\.\\)$`, "m");
    const m = execFrom(raw, re, at.from, at.to);
    if (!m) throw new ParseError(`missing oltp '${name}' (expected a line matching ${re.source})`);
    const line = lineAt(raw, m.index);
    return { total: toNumber(m[1], `oltp ${name}`, line), perSecond: toNumber(m[2], `oltp ${name} per sec.`, line) };
  };
  const [read, write, other, total] = [count("read"), count("write"), count("other"), count("total")];
  const transactions = rated("transactions");
  const queries = rated("queries");
  const errors = rated("ignored errors");
  const reconnects = rated("reconnects");
  const test = hint ?? oltpFromMix(read, write, other, total, transactions.total);
  return {
    test,
    category: "database",
    label: [],
    params: {},
    metrics: [
      { metric: "transactions_per_s", unit: "ops_per_s", value: transactions.perSecond },
      { metric: "queries_per_s", unit: "ops_per_s", value: queries.perSecond },
      { metric: "ignored_errors_per_s", unit: "ops_per_s", value: errors.perSecond, direction: "lower" },
      { metric: "reconnects_per_s", unit: "ops_per_s", value: reconnects.perSecond, direction: "lower" },
    ],
  };
}
