import { readRuns, runsAsRepetitions, splitRuns } from "./runs";
import { lineAt, requireNumber, toCanonical, toNumber } from "./text";
import { ParseError, type ParseResult, type ParsedSample, type Parser, type WorkloadKey } from "./types";

// Report printed by output_results() in support/ab.c of Apache httpd 2.4
// (https://github.com/apache/httpd/blob/2.4.62/support/ab.c), e.g.
//   Requests per second:    11889.62 [#/sec] (mean)
//   Time per request:       1.346 [ms] (mean)
//   Time per request:       0.084 [ms] (mean, across all concurrent requests)
//   Transfer rate:          3076.90 [Kbytes/sec] received      (totalread / 1024 / seconds)
//   Connection Times (ms)
//                 min  mean[+/-sd] median   max               ("min   avg   max" with -S)
//   Connect:        0    0   0.2      0       4
//     50%      1 ... 100%      6 (longest request)             (not with -d)
// A shell loop appends one such report per run, with "Completed N requests" progress on stderr.
const BANNER = /^This is ApacheBench, Version (\S+)/m;
const RPS = /^Requests per second:\s+([\d.]+) \[#\/sec\] \(mean\)$/m;
const PERCENTILE = /^\s+(\d+)%\s+(\d+)(?: \(longest request\))?$/gm;
const TIME_ROWS = [
  ["connect", "Connect"],
  ["processing", "Processing"],
  ["waiting", "Waiting"],
  ["total", "Total"],
] as const;

const field = (raw: string, label: string): string | undefined =>
  new RegExp(`^${label}:[ \\t]*(.*?)\\s*$`, "m").exec(raw)?.[1];

/** "Connection Times (ms)": column names from its header, one row per phase. */
function connectionTimes(raw: string): { metric: string; value: number }[] {
  const table = /^Connection Times \(ms\)\n(.*)\n/m.exec(raw);
  if (!table) throw new ParseError("missing the 'Connection Times (ms)' table");
  const columns = (table[1] ?? "")
    .trim()
    .split(/\s+/)
    .flatMap((c) => (c === "mean[+/-sd]" ? ["mean", "sd"] : c === "avg" ? ["mean"] : [c]));
  const out: { metric: string; value: number }[] = [];
  for (const [row, label] of TIME_ROWS) {
    const m = new RegExp(`^${label}:((?:\\s+[\\d.]+)+)\\s*$`, "m").exec(raw);
    if (!m) throw new ParseError(`missing the '${label}:' row of the Connection Times table (output cut short?)`);
    const line = lineAt(raw, m.index);
    const values = (m[1] ?? "").trim().split(/\s+/);
    if (values.length !== columns.length) {
      throw new ParseError(`expected ${columns.length} values (${columns.join(" ")}) in the '${label}:' row`, line);
    }
    columns.forEach((col, i) => {
      if (col === "sd") return;
      out.push({
        metric: `${row}_time_${col}`,
        value: toCanonical(toNumber(values[i], `${label} ${col}`, line), "ms").value,
      });
    });
  }
  return out;
}

export const abParser: Parser = {
  id: "ab",
  // 2: a log of several reports is read as several runs; before, without percentiles (-d), as its first report.
  version: 2,
  describe: "ApacheBench (ab) text report",
  detect: (raw) => BANNER.test(raw) || (/^Server Software:/m.test(raw) && RPS.test(raw)),
  parse(raw) {
    if (raw.trim() === "")
      throw new ParseError("empty input: expected ApacheBench output ('This is ApacheBench, Version ...')");
    return runsAsRepetitions(readRuns(splitRuns(raw, new RegExp(BANNER.source, "gm")), parseReport));
  },
};

/** One ApacheBench report. */
function parseReport(raw: string): ParseResult {
  if (!RPS.test(raw)) {
    // ab aborts with an APR error (e.g. "apr_socket_recv: Connection refused (111)").
    const failure = /(apr_\w+: [^\n]*)/.exec(raw);
    if (failure) throw new ParseError(`ab stopped: ${failure[1]}`, lineAt(raw, failure.index));
  }
  const concurrency = requireNumber(raw, /^Concurrency Level:\s+(\d+)$/m, "Concurrency Level");
  const complete = requireNumber(raw, /^Complete requests:\s+(\d+)$/m, "Complete requests");
  const path = field(raw, "Document Path") ?? "/";
  const keepalive = /^Keep-Alive requests:/m.test(raw);
  const workload: WorkloadKey = {
    name: `ab ${path} n=${complete} c=${concurrency}${keepalive ? " keepalive" : ""}`,
    category: "web",
    params: { path, requests: complete, concurrency, keepalive },
  };

  const samples: ParsedSample[] = [];
  const add = (metric: string, value: number, unit: ParsedSample["unit"]) =>
    samples.push({ workload, metric, unit, value });
  add("requests_per_s", requireNumber(raw, RPS, "Requests per second"), "ops_per_s");
  const perRequest = requireNumber(raw, /^Time per request:\s+([\d.]+) \[ms\] \(mean\)$/m, "Time per request (mean)");
  add("time_per_request", toCanonical(perRequest, "ms").value, "ns");
  const acrossAll = requireNumber(
    raw,
    /^Time per request:\s+([\d.]+) \[ms\] \(mean, across all concurrent requests\)$/m,
    "Time per request (mean, across all concurrent requests)",
  );
  add("time_per_request_all", toCanonical(acrossAll, "ms").value, "ns");
  const transfer = requireNumber(raw, /^Transfer rate:\s+([\d.]+) \[Kbytes\/sec\] received$/m, "Transfer rate");
  add("transfer_rate", toCanonical(transfer, "KiB/s").value, "bytes_per_s");
  add("failed_requests", requireNumber(raw, /^Failed requests:\s+(\d+)$/m, "Failed requests"), "count");
  // ab prints these two only when non-zero.
  add("non_2xx_responses", toNumber(field(raw, "Non-2xx responses") ?? "0", "Non-2xx responses"), "count");
  add("write_errors", toNumber(field(raw, "Write errors") ?? "0", "Write errors"), "count");

  // ab skips both tables when no request completed (and the percentiles with -d).
  if (complete > 0) for (const { metric, value } of connectionTimes(raw)) add(metric, value, "ns");
  for (const p of raw.matchAll(PERCENTILE)) {
    add(
      `latency_p${p[1]}`,
      toCanonical(toNumber(p[2], `${p[1]}% served within`, lineAt(raw, p.index)), "ms").value,
      "ns",
    );
  }

  const host = field(raw, "Server Hostname");
  const port = field(raw, "Server Port");
  const scheme = /^SSL\/TLS Protocol:/m.test(raw) ? "https" : "http";
  return {
    toolVersion: BANNER.exec(raw)?.[1],
    command:
      host && port
        ? `ab -n ${complete} -c ${concurrency}${keepalive ? " -k" : ""} ${scheme}://${host}:${port}${path}`
        : undefined,
    samples,
  };
}
