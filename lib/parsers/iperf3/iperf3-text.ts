import type { SourceUnit } from "@/lib/units";
import { iperf3Command, iperf3Workload, type Iperf3Run } from "./iperf3-run";
import { lineAt, toCanonical, toNumber } from "../text";
import { type LoggedRun, sliceRuns } from "../runs";
import { ParseError, type ParseResult, type ParsedSample } from "../types";

// Client text report, iperf_print_results() in
// https://github.com/esnet/iperf/blob/3.12/src/iperf_api.c, e.g.
//   [SUM]   0.00-2.00   sec  3.07 GBytes  13.2 Gbits/sec   71             sender
//   [  5]   0.00-2.00   sec  23.8 MBytes   100 Mbits/sec  0.013 ms  0/763 (0%)  receiver
// Rates come from unit_snprintf() in src/units.c: bits are decimal (Kbits = 1000 bits),
// bytes binary (KBytes = 1024 bytes).
const SUMMARY =
  /^\[(SUM|\s*\d+)\]\s+([\d.]+)-([\d.]+)\s+sec\s+[\d.]+ \w+\s+([\d.]+) (\w+\/sec)\s+(.*?)\s*(sender|receiver)\s*$/gm;
// Only with -V: the version banner, the start time and the CPU use of both ends.
const VERSION = /^iperf (\d+\.\S+)$/m;
const TIME = /^Time: (.+)$/m;
const STARTING = /^Starting Test: protocol: \w+, (\d+) streams, .*?, (\d+) second test/m;
const CPU = /^CPU Utilization: local\/\w+ ([\d.]+)% .*?, remote\/\w+ ([\d.]+)%/m;
const UDP_TAIL = /^([\d.]+) ms\s+(\d+)\/(\d+) \(([-+\d.e]+)%\)$/;

/**
 * Client report headers ("Bandwidth" before 3.3, "Bitrate" since), and the client's own error
 * line, which is all a failed run prints.
 */
export const IPERF3_TEXT_MARK =
  /^Connecting to host \S+, port \d+$|^\[ ID\] Interval\s+Transfer\s+(?:Bitrate|Bandwidth)|^iperf3: error - /m;

/**
 * A shell loop appends each run's report to one log; every client run ends with "iperf Done."
 * (a failed one does not, and fails the run after it). Pieces without a report are the loop's
 * own output. A log with one run is read whole, as always.
 */
export function iperf3TextRuns(raw: string): LoggedRun[] {
  const ends = [...raw.matchAll(/^iperf Done\.$\n?/gm)].map((m) => m.index + m[0].length);
  const runs = sliceRuns(raw, [0, ...ends.filter((end) => end < raw.length)]).filter((r) =>
    IPERF3_TEXT_MARK.test(r.text),
  );
  return runs.length > 1 ? runs : [{ text: raw, firstLine: 1 }];
}

const RATE_UNITS: Record<string, SourceUnit> = {
  "bits/sec": "bit/s",
  "Kbits/sec": "Kbit/s",
  "Mbits/sec": "Mbit/s",
  "Gbits/sec": "Gbit/s",
  "Bytes/sec": "B/s",
  "KBytes/sec": "KiB/s",
  "MBytes/sec": "MiB/s",
  "GBytes/sec": "GiB/s",
};

interface SummaryLine {
  /** A [SUM] row (total over -P streams) rather than one stream's row. */
  sum: boolean;
  line: number;
  end: number;
  rate: number;
  unit: string;
  tail: string;
}

export function parseIperf3Text(raw: string): ParseResult {
  const error = /^iperf3: error - (.*)$/m.exec(raw);
  if (error) throw new ParseError(`iperf3 reported an error: ${error[1]}`, lineAt(raw, error.index));

  const rows: Record<"sender" | "receiver", SummaryLine[]> = { sender: [], receiver: [] };
  // --get-server-output appends the server's own report, with its own summary lines.
  const report = raw.split(/^Server output:$/m)[0] ?? raw;
  for (const m of report.matchAll(SUMMARY)) {
    const line = lineAt(raw, m.index);
    rows[m[7] as "sender" | "receiver"].push({
      sum: m[1] === "SUM",
      line,
      end: toNumber(m[3], "summary interval end", line),
      rate: toNumber(m[4], "summary bitrate", line),
      unit: m[5] ?? "",
      tail: m[6] ?? "",
    });
  }
  // With -P > 1 the totals are the [SUM] rows; with one stream the stream row is the total.
  const pick = (side: "sender" | "receiver") => {
    const all = rows[side];
    const found = all.find((r) => r.sum) ?? (all.length === 1 ? all[0] : undefined);
    if (!found) throw new ParseError(`missing the final '${side}' summary line (iperf3 stopped before its report?)`);
    return found;
  };
  const sender = pick("sender");
  const receiver = pick("receiver");

  const connect = /^Connecting to host (\S+), port (\d+)$/m.exec(raw);
  const udp = /Lost\/Total Datagrams/.test(raw);
  const starting = STARTING.exec(raw);
  const run: Iperf3Run = {
    protocol: udp ? "udp" : "tcp",
    streams: starting
      ? toNumber(starting[1], "streams", lineAt(raw, starting.index))
      : Math.max(1, raw.match(/^\[\s*\d+\] local \S+ port \d+ connected to /gm)?.length ?? 0),
    reverse: /^Reverse mode, remote host \S+ is sending$/m.test(raw),
    // Without -V only the measured span ("0.00-2.00") is printed; its whole seconds are what -t asked for.
    duration: starting ? toNumber(starting[2], "test duration", lineAt(raw, starting.index)) : Math.round(sender.end),
  };
  const workload = iperf3Workload(run);
  const samples: ParsedSample[] = [];
  const rate = (metric: string, row: SummaryLine) => {
    const unit = RATE_UNITS[row.unit];
    if (!unit) throw new ParseError(`unknown iperf3 rate unit ${JSON.stringify(row.unit)}`, row.line);
    samples.push({ workload, metric, ...toCanonical(row.rate, unit) });
  };
  rate("sent_throughput", sender);
  rate("received_throughput", receiver);

  if (udp) {
    const m = UDP_TAIL.exec(receiver.tail);
    if (!m)
      throw new ParseError("expected 'jitter ms lost/total (percent%)' on the receiver summary line", receiver.line);
    samples.push(
      { workload, metric: "jitter", ...toCanonical(toNumber(m[1], "jitter", receiver.line), "ms") },
      { workload, metric: "lost_percent", unit: "percent", value: toNumber(m[4], "lost percent", receiver.line) },
      { workload, metric: "lost_packets", unit: "count", value: toNumber(m[2], "lost datagrams", receiver.line) },
    );
  } else if (/^\d+$/.test(sender.tail)) {
    samples.push({
      workload,
      metric: "retransmits",
      unit: "count",
      value: toNumber(sender.tail, "retransmits", sender.line),
    });
  }

  const cpu = CPU.exec(raw);
  if (cpu) {
    const line = lineAt(raw, cpu.index);
    samples.push(
      { workload, metric: "cpu_host_total", unit: "percent", value: toNumber(cpu[1], "local CPU utilization", line) },
      {
        workload,
        metric: "cpu_remote_total",
        unit: "percent",
        value: toNumber(cpu[2], "remote CPU utilization", line),
      },
    );
  }

  const time = TIME.exec(raw);
  const startedAt = time ? new Date(time[1] ?? "") : undefined;
  if (time && Number.isNaN(startedAt?.getTime())) {
    throw new ParseError(`unreadable start time ${JSON.stringify(time[1])}`, lineAt(raw, time.index));
  }
  return {
    toolVersion: VERSION.exec(raw)?.[1],
    command: connect ? iperf3Command(run, connect[1] ?? "", Number(connect[2]), false) : undefined,
    startedAt,
    samples,
  };
}
