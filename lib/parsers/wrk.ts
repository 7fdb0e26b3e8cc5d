import type { SourceUnit } from "@/lib/units";
import { readRuns, runsAsRepetitions, splitRuns } from "./runs";
import { lineAt, requireNumber, toCanonical, toNumber } from "./text";
import { ParseError, type ParseResult, type ParsedSample, type Parser } from "./types";

// Report printed by main() in https://github.com/wg/wrk/blob/4.1.0/src/wrk.c, numbers
// formatted by src/units.c:
//   Running 3s test @ http://127.0.0.1:8080/
//     2 threads and 16 connections
//     Thread Stats   Avg      Stdev     Max   +/- Stdev
//       Latency     1.56ms    3.75ms  55.01ms   96.32%
//     Latency Distribution                      (only with --latency)
//        50%  526.00us
//     53434 requests in 3.01s, 13.76MB read
//     Socket errors: connect 0, read 3886, write 0, timeout 213   (only when non-zero)
//     Non-2xx or 3xx responses: 75778                              (only when non-zero)
//   Requests/sec:  17739.73
//   Transfer/sec:      4.57MB
// A shell loop appends one such report per run.
const HEADER = /^Running (\d+(?:\.\d+)?)([smh]) test @ (\S+)$/m;
const THREADS = /^\s+(\d+) threads and (\d+) connections$/m;
const LATENCY =
  /^\s+Latency\s+([\d.]+)(us|ms|s|m|h)\s+([\d.]+)(us|ms|s|m|h)\s+([\d.]+)(us|ms|s|m|h)\s+(-?nan|[\d.]+)%$/m;
// stats.c divides by the number of recorded latencies for "+/- Stdev": "-nan%" means none were
// recorded (every response came after --timeout, or none came), and the zeros beside it are no data.
const NO_LATENCY = /^-?nan$/;
const COMPLETED = /^\s+(\d+) requests in [\d.]+\w+, [\d.]+\w+ read$/m;
// units.c pads a one-letter unit to two characters: "1.30s " ends in a space.
const PERCENTILE = /^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m|h) ?$/gm;
const SOCKET_ERRORS = /^\s+Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)$/m;
const TRANSFER = /^Transfer\/sec:\s+([\d.]+)([KMGT]?B)$/m;

// units.c formats durations past one second in s, then minutes and hours (scale 60).
const SECONDS_PER: Record<string, number> = { s: 1, m: 60, h: 3600 };

function duration(value: string | undefined, unit: string | undefined, what: string, line: number): number {
  const n = toNumber(value, what, line);
  if (unit === "us" || unit === "ms") return toCanonical(n, unit).value;
  return toCanonical(n * (SECONDS_PER[unit ?? ""] ?? NaN), "s").value;
}

// format_binary() scales by 1024 but prints "KB"/"MB"; they are KiB and MiB.
const BINARY: Record<string, { unit: SourceUnit; factor: number }> = {
  B: { unit: "B/s", factor: 1 },
  KB: { unit: "KiB/s", factor: 1 },
  MB: { unit: "MiB/s", factor: 1 },
  GB: { unit: "GiB/s", factor: 1 },
  TB: { unit: "GiB/s", factor: 1024 },
};

export const wrkParser: Parser = {
  id: "wrk",
  // 2: percentiles of a second or more (printed "1.30s ", with a trailing space) were dropped.
  // 3: a log of several reports is read as several runs; before, without --latency, as its first report.
  // 4: no latency recorded ("-nan%") leaves latency out (was 0 ns); no request completed is refused.
  version: 4,
  describe: "wrk text report (with or without --latency)",
  detect: (raw) => HEADER.test(raw) && THREADS.test(raw),
  parse(raw) {
    if (raw.trim() === "") throw new ParseError("empty input: expected wrk output starting 'Running <T> test @ <url>'");
    return runsAsRepetitions(readRuns(splitRuns(raw, new RegExp(HEADER.source, "gm")), parseReport));
  },
};

/**
 * Thread-stats latency and --latency percentiles in ns; none when wrk recorded no latency, and
 * then a report in which no request completed at all is refused: it measured nothing.
 */
function latencyMetrics(raw: string): [string, number][] {
  const latency = LATENCY.exec(raw);
  if (!latency) throw new ParseError("missing the thread stats 'Latency <avg> <stdev> <max> <+/- stdev>%' line");
  if (NO_LATENCY.test(latency[7] ?? "")) {
    requireCompleted(raw);
    return [];
  }
  const line = lineAt(raw, latency.index);
  const metrics: [string, number][] = [
    ["latency_avg", duration(latency[1], latency[2], "latency avg", line)],
    ["latency_stdev", duration(latency[3], latency[4], "latency stdev", line)],
    ["latency_max", duration(latency[5], latency[6], "latency max", line)],
  ];
  for (const p of raw.matchAll(PERCENTILE)) {
    metrics.push([`latency_p${p[1]}`, duration(p[2], p[3], `latency p${p[1]}`, lineAt(raw, p.index))]);
  }
  return metrics;
}

/** Refuses a report whose "<N> requests in <T>, <S> read" line says no request completed. */
function requireCompleted(raw: string): void {
  const m = COMPLETED.exec(raw);
  if (!m) throw new ParseError(`missing the '<N> requests in <T>, <S> read' line (expected ${COMPLETED.source})`);
  if (Number(m[1]) > 0) return;
  throw new ParseError(
    `no request completed ("${m[0].trim()}"): wrk measured no latency, request rate or transfer`,
    lineAt(raw, m.index),
  );
}

/** One wrk report. */
function parseReport(raw: string): ParseResult {
  const header = HEADER.exec(raw);
  if (!header) throw new ParseError("missing the 'Running <T> test @ <url>' header line");
  const threads = THREADS.exec(raw);
  if (!threads) throw new ParseError("missing the '<N> threads and <M> connections' line");
  const url = header[3] ?? "";
  const seconds =
    toNumber(header[1], "test duration", lineAt(raw, header.index)) * (SECONDS_PER[header[2] ?? ""] ?? NaN);
  // The host differs between runtimes (container IPs) while the test is the same one,
  // so the workload keeps only the path; the full URL stays in the command.
  const path = /^\w+:\/\/[^/]+(\/.*)?$/.exec(url)?.[1] ?? "/";
  const workload = {
    name: `wrk ${path} t=${threads[1]} c=${threads[2]} d=${header[1]}${header[2]}`,
    category: "web" as const,
    params: {
      path,
      threads: toNumber(threads[1], "threads"),
      connections: toNumber(threads[2], "connections"),
      duration: seconds,
    },
  };

  const samples: ParsedSample[] = [];
  const add = (metric: string, value: number, unit: ParsedSample["unit"]) =>
    samples.push({ workload, metric, unit, value });

  add("requests_per_s", requireNumber(raw, /^Requests\/sec:\s+([\d.]+)$/m, "Requests/sec"), "ops_per_s");
  const transfer = TRANSFER.exec(raw);
  const rate = transfer && BINARY[transfer[2] ?? ""];
  if (!transfer || !rate) throw new ParseError(`missing Transfer/sec (expected a line matching ${TRANSFER.source})`);
  const perSecond = toNumber(transfer[1], "Transfer/sec", lineAt(raw, transfer.index)) * rate.factor;
  add("transfer_rate", toCanonical(perSecond, rate.unit).value, "bytes_per_s");

  for (const [metric, value] of latencyMetrics(raw)) add(metric, value, "ns");

  // wrk prints these lines only when something went wrong; absent means zero.
  const errors = SOCKET_ERRORS.exec(raw);
  (["connect", "read", "write", "timeout"] as const).forEach((kind, i) => {
    add(`socket_errors_${kind}`, errors ? toNumber(errors[i + 1], `socket errors ${kind}`) : 0, "count");
  });
  const non2xx = /^\s+Non-2xx or 3xx responses: (\d+)$/m.exec(raw);
  add("non_2xx_responses", non2xx ? toNumber(non2xx[1], "Non-2xx or 3xx responses") : 0, "count");

  const latencyFlag = /^\s+Latency Distribution$/m.test(raw) ? " --latency" : "";
  return {
    command: `wrk -t${threads[1]} -c${threads[2]} -d${header[1]}${header[2]}${latencyFlag} ${url}`,
    samples,
  };
}
