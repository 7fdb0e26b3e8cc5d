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
const LATENCY = /^\s+Latency\s+([\d.]+)(us|ms|s|m|h)\s+([\d.]+)(us|ms|s|m|h)\s+([\d.]+)(us|ms|s|m|h)\s/m;
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
  version: 3,
  describe: "wrk text report (with or without --latency)",
  detect: (raw) => HEADER.test(raw) && THREADS.test(raw),
  parse(raw) {
    if (raw.trim() === "") throw new ParseError("empty input: expected wrk output starting 'Running <T> test @ <url>'");
    return runsAsRepetitions(readRuns(splitRuns(raw, new RegExp(HEADER.source, "gm")), parseReport));
  },
};

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

  const latency = LATENCY.exec(raw);
  if (!latency) throw new ParseError("missing the thread stats 'Latency <avg> <stdev> <max>' line");
  const line = lineAt(raw, latency.index);
  add("latency_avg", duration(latency[1], latency[2], "latency avg", line), "ns");
  add("latency_stdev", duration(latency[3], latency[4], "latency stdev", line), "ns");
  add("latency_max", duration(latency[5], latency[6], "latency max", line), "ns");
  for (const p of raw.matchAll(PERCENTILE)) {
    add(`latency_p${p[1]}`, duration(p[2], p[3], `latency p${p[1]}`, lineAt(raw, p.index)), "ns");
  }

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
