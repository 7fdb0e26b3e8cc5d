import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { readOptions } from "./parser-options";
import { samplesAsRepetitions } from "./runs";
import { lineAt, toCanonical, toNumber } from "./text";
import { ParseError, type ParsedSample, type Parser, type WorkloadKey } from "./types";

// Formats: redis-benchmark 7.0, showLatencyReport() and the CSV writer in
// https://github.com/redis/redis/blob/7.0.15/src/redis-benchmark.c :
//   --csv  header `"test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms",...` then one row per test;
//   -q     `SET: 33222.59 requests per second, p50=0.327 msec` after `\r`-separated progress lines;
//   default: per test `====== SET ======`, the run settings, percentile tables, then a
//            `throughput summary:` line and a `latency summary (msec):` header + values line.
// Redis 6.0 and older print neither the CSV header nor the summaries; they are rejected, not guessed.
// A shell loop appends one report per run (each CSV with its header); every test of every run is a
// run of its workload, numbered in file order.

const CSV_HEADER = /^"test","rps"/m;
const TEXT_HEADER = /(?:^|[\r\n])====== (.+?) ======\r?\n/;
// A custom command is its own test name and may hold colons: `incr counter:__rand_int__: ...`.
const QUIET_LINE = /^(.+?): ([\d.]+|inf) requests per second(?:, p50=([\d.]+) msec)?\s*$/;

/** redis-benchmark's latency columns as printed (summary table and CSV) and our metric names. */
const LATENCY: Record<string, string> = {
  avg: "latency_avg",
  min: "latency_min",
  p50: "latency_p50",
  p95: "latency_p95",
  p99: "latency_p99",
  max: "latency_max",
};

// Only the text report prints clients and payload size, and no format prints -P, so a
// manifest may supply them; without `pipeline`, -P 16 and -P 1 runs would share a workload.
const SETTINGS = z.object({
  clients: z.number().int().positive().optional(),
  pipeline: z.number().int().positive().optional(),
  data_size: z.number().int().nonnegative().optional(),
});
type Settings = z.infer<typeof SETTINGS>;

function workloadOf(test: string, settings: Settings): WorkloadKey {
  const params: WorkloadKey["params"] = { test };
  let name = `redis ${test}`;
  for (const key of ["clients", "pipeline", "data_size"] as const) {
    const value = settings[key];
    if (value === undefined) continue;
    params[key] = value;
    name += ` ${key}=${value}`;
  }
  return { name, category: "database", params };
}

function latency(workload: WorkloadKey, column: string, text: string | undefined, line?: number): ParsedSample {
  const metric = LATENCY[column];
  if (metric === undefined) throw new ParseError(`unknown latency column ${JSON.stringify(column)}`, line);
  const { value, unit } = toCanonical(toNumber(text, `${workload.params.test} ${column} latency`, line), "ms");
  // redis prints whole microseconds; rounding drops float noise such as 1006999.9999999999 ns.
  return { workload, metric, unit, value: Math.round(value) };
}

function rps(workload: WorkloadKey, text: string | undefined, line?: number): ParsedSample {
  // The rate is requests / whole milliseconds elapsed: a test done within 1 ms prints "inf".
  if (text === "inf")
    throw new ParseError(
      `${workload.params.test}: "inf" requests per second: too few requests to time (the test took under 1 ms; run more with -n)`,
      line,
    );
  return {
    workload,
    metric: "requests_per_s",
    unit: "ops_per_s",
    value: toNumber(text, `${workload.params.test} requests per second`, line),
  };
}

/** Each --csv report's data lines with their line numbers; lines that are no CSV row (an `echo`) are left out. */
function csvReports(raw: string): { text: string; line: number }[][] {
  const reports: { text: string; line: number }[][] = [];
  raw.split("\n").forEach((text, i) => {
    if (!text.startsWith('"')) return;
    if (CSV_HEADER.test(text)) reports.push([]);
    reports.at(-1)?.push({ text, line: i + 1 });
  });
  return reports;
}

function parseCsvReports(raw: string, given: Settings): ParsedSample[][] {
  const reports = csvReports(raw);
  return reports.flatMap((lines, r) => {
    // The line is named only in a log of several reports: one report fails as it always did.
    const where = reports.length > 1 ? lines[0]?.line : undefined;
    let rows: Record<string, string>[];
    try {
      const text = lines.map((l) => l.text).join("\n");
      rows = parseCsv<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true });
    } catch (e) {
      const report = where === undefined ? "" : ` (report ${r + 1} of ${reports.length})`;
      throw new ParseError(
        `invalid redis-benchmark CSV${report}: ${e instanceof Error ? e.message : String(e)}`,
        where,
      );
    }
    if (rows.length === 0) throw new ParseError("redis-benchmark CSV has a header but no test rows", where);
    return rows.map((row, i) => {
      const line = lines[i + 1]?.line;
      const test = row.test;
      if (!test) throw new ParseError('expected a test name in the "test" column', line);
      const workload = workloadOf(test, given);
      const latencies = Object.keys(LATENCY).map((col) => latency(workload, col, row[`${col}_latency_ms`], line));
      return [rps(workload, row.rps, line), ...latencies];
    });
  });
}

/** The run settings printed under a test header override the manifest's. */
function settingsOf(block: string, given: Settings): Settings {
  const settings = { ...given };
  const clients = /^ +(\d+) parallel clients$/m.exec(block);
  if (clients) settings.clients = Number(clients[1]);
  const payload = /^ +(\d+) bytes payload$/m.exec(block);
  if (payload) settings.data_size = Number(payload[1]);
  return settings;
}

function parseTextReports(raw: string, given: Settings): ParsedSample[][] {
  const headers = [...raw.matchAll(new RegExp(TEXT_HEADER.source, "g"))];
  return headers.map((header, i) => {
    const test = header[1] ?? "";
    const start = header.index;
    const block = raw.slice(start, headers[i + 1]?.index ?? raw.length);
    const at = (offset: number) => lineAt(raw, start + offset);
    const workload = workloadOf(test, settingsOf(block, given));
    const throughput = /throughput summary: ([\d.]+|inf) requests per second/.exec(block);
    if (!throughput)
      throw new ParseError(`${test}: missing 'throughput summary: N requests per second' (output cut short?)`, at(1));
    const rate = rps(workload, throughput[1], at(throughput.index));
    // The summary is a header row of column names followed by one row of values.
    const table = /latency summary \(msec\):\r?\n +([a-z0-9 ]+?)\r?\n +([\d. ]+?)\r?\n/.exec(block);
    if (!table)
      throw new ParseError(
        `${test}: missing the 'latency summary (msec)' table (output cut short?)`,
        at(throughput.index),
      );
    const columns = (table[1] ?? "").split(/ +/);
    const values = (table[2] ?? "").split(/ +/);
    if (columns.length !== values.length)
      throw new ParseError(
        `${test}: latency summary has ${columns.length} columns but ${values.length} values`,
        at(table.index),
      );
    const line = at(table.index);
    return [rate, ...columns.map((col, j) => latency(workload, col, values[j], line))];
  });
}

function parseQuietReports(raw: string, given: Settings): ParsedSample[][] {
  const samples: ParsedSample[][] = [];
  // Progress updates are separated by bare `\r`; only the final segment of a test is its result.
  let offset = 0;
  for (const segment of raw.split(/(?<=[\r\n])/)) {
    const m = QUIET_LINE.exec(segment.trim());
    if (m) {
      const line = lineAt(raw, offset);
      const workload = workloadOf(m[1] ?? "", given);
      const p50 = m[3] === undefined ? [] : [latency(workload, "p50", m[3], line)];
      samples.push([rps(workload, m[2], line), ...p50]);
    }
    offset += segment.length;
  }
  if (samples.length === 0) throw new ParseError("no 'TEST: N requests per second' result lines (output cut short?)");
  return samples;
}

export const redisBenchmarkParser: Parser = {
  id: "redis-benchmark",
  // 2: -q results of a command with a colon are read (were not detected); "inf" rates are refused (-q dropped them).
  version: 2,
  describe: "redis-benchmark 7.x report: --csv, -q, or the default text with latency summaries",
  detect: (raw) =>
    CSV_HEADER.test(raw) ||
    /(?:^|[\r\n])====== .+ ======\r?\n +\d+ requests completed in /.test(raw) ||
    // -q output: the final result lines, or (when cut short) the `\r` progress updates before them.
    /(?:^|[\r\n])[^\r\n]+?: (?:(?:[\d.]+|inf) requests per second|rps=[\d.]+ \(overall: )/.test(raw),
  parse(raw, ctx) {
    const given = readOptions(SETTINGS, ctx.options, "redis-benchmark");
    if (CSV_HEADER.test(raw)) return { samples: samplesAsRepetitions(parseCsvReports(raw, given)) };
    if (TEXT_HEADER.test(raw)) return { samples: samplesAsRepetitions(parseTextReports(raw, given)) };
    if (/ requests per second|: rps=/.test(raw))
      return { samples: samplesAsRepetitions(parseQuietReports(raw, given)) };
    throw new ParseError(
      "not a redis-benchmark report: expected a --csv header, '====== TEST ======' blocks or 'TEST: N requests per second' lines",
    );
  },
};
