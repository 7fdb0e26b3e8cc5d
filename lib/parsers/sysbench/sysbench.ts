import { lineAt, toCanonical, toNumber } from "../text";
import { type LoggedRun, readRuns, runsAsRepetitions, sliceRuns } from "../runs";
import {
  OLTP_TESTS,
  type Bounds,
  type Metric,
  type Section,
  cpuSection,
  execFrom,
  fileioSection,
  memorySection,
  numberFrom,
  oltpSection,
} from "./sysbench-text";
import { ParseError, type ParseContext, type ParseResult, type ParsedSample, type Parser } from "../types";

// Format: sysbench 1.0 text report. Header and general statistics are printed by
// print_header()/sb_report_cumulative() in
// https://github.com/akopytov/sysbench/blob/1.0.20/src/sysbench.c; the test-specific
// sections are read in ./sysbench-text.ts.
const HEADER = /^sysbench (\d+\.\d+(?:\.\d+)?)\S* \(using /m;
const GENERAL = /^General statistics:$/gm;
const GENERAL_LINE = /^General statistics:$/m;
const RUN_START = /^sysbench \d+\.\d+(?:\.\d+)?\S* \(using /gm;
const FATAL = /^FATAL: .*$/m;
const FAIRNESS = /^ +execution time \(avg\/stddev\): +[\d.]+\/[\d.]+$/m;
// Logged only by `prepare` and `cleanup`, which measure nothing comparable.
const SETUP_STEP =
  /^(?:Creating file test_file|Removing test files|Creating table '|Inserting \d+ records|Dropping table ')/m;

/**
 * Test name from the manifest (`options.test`) or else the file name, for reports that do
 * not print it. `allowed` is in priority order ("mutex-4threads" is a mutex run).
 */
function hintedTest(ctx: ParseContext, allowed: readonly string[]): string | undefined {
  const option = ctx.options?.test;
  if (typeof option === "string") return option;
  const base = (ctx.fileName.split(/[\\/]/).pop() ?? "").toLowerCase().replace(/-/g, "_");
  return allowed.find((t) => base.includes(t));
}

/**
 * threads and mutex print no section of their own at the default verbosity; only
 * --verbosity=4 adds "Doing ... test". Failing that (and a hint), sb_mutex.c gives every
 * thread exactly one event, which a time-bounded threads run never does.
 */
function threadsOrMutex(raw: string, ctx: ParseContext): (from: number, to: number) => Section {
  let test: string | undefined;
  if (/^Doing thread subsystem performance test$/m.test(raw)) test = "threads";
  else if (/^Doing mutex performance test$/m.test(raw)) test = "mutex";
  else test = hintedTest(ctx, ["mutex", "threads"]);
  if (test !== undefined && test !== "threads" && test !== "mutex") {
    throw new ParseError(
      `options.test ${JSON.stringify(test)} does not match this report (a sysbench threads or mutex run)`,
    );
  }
  const known = test;
  return (from, to) => ({
    test:
      known ??
      (numberFrom(raw, /^ +events \(avg\/stddev\): +([\d.]+)\//m, "'events (avg/stddev)'", from, to) === 1
        ? "mutex"
        : "threads"),
    category: "syscall",
    label: [],
    params: {},
    metrics: [],
  });
}

/**
 * Which test the report is, decided once per file (every checkpoint report repeats the same
 * test): looking again per report scanned the whole file each time.
 */
function sectionReader(raw: string, ctx: ParseContext): (at: Bounds, generalFrom: number) => Section {
  if (/^CPU speed:$/m.test(raw)) return (at) => cpuSection(raw, at);
  if (/^Running memory speed test/m.test(raw)) return (at) => memorySection(raw, at);
  if (/^File operations:$/m.test(raw)) return (at) => fileioSection(raw, at);
  if (/^SQL statistics:$/m.test(raw)) {
    const hint = hintedTest(ctx, OLTP_TESTS);
    return (at) => oltpSection(raw, at, hint);
  }
  const threads = threadsOrMutex(raw, ctx);
  return (at, generalFrom) => threads(generalFrom, at.to);
}

/**
 * Latency block of sb_report_cumulative(), in ms with two decimals, so values are rounded to
 * whole ns. "0.00" only says "under 5 us" (memory, cached fileio); storing it as 0 would make
 * ratios against a baseline meaningless, so such values are left out.
 */
function latencyMetric(metric: string, text: string | undefined, line: number): Metric[] {
  const ms = toNumber(text, metric, line);
  return ms === 0 ? [] : [{ metric, unit: "ns", value: Math.round(toCanonical(ms, "ms").value) }];
}

function generalMetrics(raw: string, from: number, to: number, checkpointed: boolean): Metric[] {
  const metrics: Metric[] = [
    // More events in the same time is the better result; the count default would say otherwise.
    {
      metric: "total_events",
      unit: "count",
      value: numberFrom(raw, /^ +total number of events: +(\d+)$/m, "'total number of events'", from, to),
      direction: "higher",
    },
  ];
  const totalTime = numberFrom(raw, /^ +total time: +([\d.]+)s$/m, "'total time'", from, to);
  // In checkpoint reports it is the time since the start, not the length of the reported interval.
  if (!checkpointed)
    metrics.unshift({ metric: "total_time", unit: "ns", value: Math.round(toCanonical(totalTime, "s").value) });
  for (const stat of ["min", "avg", "max"]) {
    const m = execFrom(raw, new RegExp(`^ +${stat}: +([\\d.]+)$`, "m"), from, to);
    if (!m) throw new ParseError(`missing latency ${stat} (expected a '${stat}:' line under 'Latency (ms):')`);
    metrics.push(...latencyMetric(`latency_${stat}`, m[1], lineAt(raw, m.index)));
  }
  const pct = execFrom(raw, /^ +(\d+)th percentile: +([\d.]+)$/m, from, to);
  if (pct) {
    const line = lineAt(raw, pct.index);
    metrics.push(...latencyMetric(`latency_p${toNumber(pct[1], "percentile", line)}`, pct[2], line));
  } else if (!execFrom(raw, /^ +percentile stats: +disabled$/m, from, to)) {
    throw new ParseError(
      "missing the latency percentile line (expected 'NNth percentile:' or 'percentile stats: disabled')",
    );
  }
  return metrics;
}

/** One sysbench run (one header, one or more checkpoint reports), read as a file of its own. */
function readOneRun(raw: string, ctx: ParseContext, option: string | undefined): ParseResult {
  const generals = [...raw.matchAll(GENERAL)];
  if (generals.length === 0) {
    // sysbench stops at its first FATAL error (files not prepared, disk full); that line says why.
    const fatal = FATAL.exec(raw);
    if (fatal)
      throw new ParseError(
        `sysbench failed: ${JSON.stringify(fatal[0])} (no 'General statistics:' section)`,
        lineAt(raw, fatal.index),
      );
    if (SETUP_STEP.test(raw))
      throw new ParseError(
        "a sysbench prepare/cleanup log, not a 'run' report: there is no 'General statistics:' section",
      );
    if (!HEADER.test(raw))
      throw new ParseError(
        "not a sysbench report: no 'sysbench <version> (using ...)' header and no 'General statistics:' section",
      );
    throw new ParseError("missing the 'General statistics:' section (output cut short?)");
  }
  const threads = numberFrom(raw, /^Number of threads: (\d+)$/m, "'Number of threads'");
  const rate = execFrom(raw, /^Target transaction rate: (\d+)\/sec$/m)?.[1];
  const samples: ParsedSample[] = [];
  // --report-checkpoints prints one full report per checkpoint, each over the interval since
  // the previous one (counters reset); each report becomes a repetition. A report's results
  // start after the previous report's "General statistics:", or at "Threads started!".
  // "[ Ns ]" lines (--report-interval) are per-interval progress and left out.
  const section = sectionReader(raw, ctx);
  const headerEnd = generals[0]!.index;
  generals.forEach((general, i) => {
    const previous = generals[i - 1];
    const resultsFrom = previous ? previous.index + previous[0].length : Math.max(0, raw.indexOf("Threads started!"));
    // A report ends where the next one's general statistics begin; searches stay inside it.
    const to = generals[i + 1]?.index ?? raw.length;
    const s = section({ headerEnd, from: resultsFrom, to }, general.index);
    // Custom Lua scripts print SQL statistics too, so any name goes for them; not for the rest.
    if (option !== undefined && option !== s.test) {
      throw new ParseError(
        `options.test ${JSON.stringify(option)} does not match this report (a sysbench ${s.test} run)`,
      );
    }
    const params = { test: s.test, ...s.params, threads, ...(rate === undefined ? {} : { rate: Number(rate) }) };
    const name = [
      "sysbench",
      s.test,
      ...s.label,
      `threads=${threads}`,
      ...(rate === undefined ? [] : [`rate=${rate}`]),
    ].join(" ");
    const workload = { name, category: s.category, params };
    const repetition = generals.length > 1 ? { repetition: i } : {};
    for (const m of [...s.metrics, ...generalMetrics(raw, general.index, to, generals.length > 1)])
      samples.push({ workload, ...m, ...repetition });
    if (!execFrom(raw, FAIRNESS, general.index, to)) {
      throw new ParseError("missing the 'Threads fairness' section that ends a report (output cut short?)");
    }
  });
  return { toolVersion: HEADER.exec(raw)?.[1], samples };
}

/**
 * A shell loop appends each run to one log: every "sysbench <version> (using ...)" header after
 * the first starts another run, which is read on its own (its threads, its test). Text before the
 * first header is the loop's own output. A log may set up and clean up around its runs (fileio,
 * oltp): those steps hold no results and are passed over when the log has runs.
 */
function runsOf(raw: string): LoggedRun[] {
  const starts = [...raw.matchAll(RUN_START)].map((m) => m.index);
  if (starts.length <= 1) return [{ text: raw, firstLine: 1 }];
  const runs = sliceRuns(raw, starts);
  const measured = runs.filter((r) => GENERAL_LINE.test(r.text) || !SETUP_STEP.test(r.text));
  return measured.length > 0 ? measured : runs;
}

export const sysbenchParser: Parser = {
  id: "sysbench",
  // 2: a log of several runs is read run by run (it was read as checkpoints of the first run).
  // 3: --file-fsync-all=on is named (fsync=all): it shared the default periodic-fsync run's workload.
  version: 3,
  describe: "sysbench 1.0 text report (cpu, memory, fileio, threads, mutex, oltp_*), one run or a log of several",
  detect: (raw) => HEADER.test(raw) || (/^General statistics:$/m.test(raw) && /^Threads fairness:$/m.test(raw)),
  parse(input, ctx) {
    const raw = input.replace(/\r\n/g, "\n");
    if (raw.trim() === "") throw new ParseError("empty input");
    const option = ctx.options?.test;
    if (option !== undefined && (typeof option !== "string" || option === "")) {
      throw new ParseError(
        `options.test must be a sysbench test name such as "oltp_read_write", got ${JSON.stringify(option)}`,
      );
    }
    const runs = runsOf(raw);
    return runsAsRepetitions(readRuns(runs, (text) => readOneRun(text, ctx, option)));
  },
};
