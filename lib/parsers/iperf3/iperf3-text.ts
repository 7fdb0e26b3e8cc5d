import type { SourceUnit } from "@/lib/units";
import { BIDIR_REVERSE_PREFIX, iperf3Command, iperf3Workload, type Iperf3Run } from "./iperf3-run";
import { lineAt, toCanonical, toNumber } from "../text";
import { type LoggedRun, sliceRuns } from "../runs";
import { ParseError, type ParseResult, type ParsedSample } from "../types";

// Client text report, iperf_print_results() in
// https://github.com/esnet/iperf/blob/3.12/src/iperf_api.c, e.g.
//   [SUM]   0.00-2.00   sec  3.07 GBytes  13.2 Gbits/sec   71             sender
//   [  5]   0.00-2.00   sec  23.8 MBytes   100 Mbits/sec  0.013 ms  0/763 (0%)  receiver
// With --bidir each row has a role after its ID: [  5][TX-C] client to server, [  7][RX-C] back.
// Rates come from unit_snprintf() in src/units.c: bits are decimal (Kbits = 1000 bits),
// bytes binary (KBytes = 1024 bytes).
const SUMMARY =
  /^\[(SUM|\s*\d+)\](?:\[(TX|RX)-C\])?\s+([\d.]+)-([\d.]+)\s+sec\s+[\d.]+ \w+\s+([\d.]+) (\w+\/sec)\s+(.*?)\s*(sender|receiver)\s*$/gm;
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

type Side = "sender" | "receiver";
/** Forward: client to server, or all of a one-way run; reverse: --bidir's server to client ([RX-C] rows). */
type Direction = "forward" | "reverse";
type SummaryRows = Record<Direction, Record<Side, SummaryLine[]>>;

interface SummaryLine {
  /** A [SUM] row (total over -P streams) rather than one stream's row. */
  sum: boolean;
  line: number;
  end: number;
  rate: number;
  unit: string;
  tail: string;
}

// A server's own report. Refused rather than read: it holds one direction's rows (receiver ones unless the
// client ran -R) and none of the client's settings (-b, -t), so its run would pass for a partial client run.
const SERVER_LISTENING = /^Server listening on \d+.*$/m;

export function parseIperf3Text(raw: string): ParseResult {
  // --get-server-output appends the server's own report, with its own streams and summary lines.
  const report = raw.split(/^Server output:$/m)[0] ?? raw;
  const server = SERVER_LISTENING.exec(report);
  if (server) {
    throw new ParseError(
      `this is iperf3's server-side output (${JSON.stringify(server[0])}): it has only what the server measured (no sender lines when the client sends) and none of the client's settings; import the client's output (text or -J) instead`,
      lineAt(report, server.index),
    );
  }
  const error = /^iperf3: error - (.*)$/m.exec(report);
  if (error) throw new ParseError(`iperf3 reported an error: ${error[1]}`, lineAt(report, error.index));

  const rows = summaryRows(report);
  const bidir = /^\[ ID\]\[Role\]/m.test(report);
  const sender = pickTotal(rows, "forward", "sender");
  const connect = /^Connecting to host (\S+), port (\d+)$/m.exec(report);
  const udp = /Lost\/Total Datagrams/.test(report);
  const starting = STARTING.exec(report);
  // --bidir opens twice as many connections as -P streams, one set per direction.
  const connections = report.match(/^\[\s*\d+\] local \S+ port \d+ connected to /gm)?.length ?? 0;
  const run: Iperf3Run = {
    protocol: udp ? "udp" : "tcp",
    streams: starting
      ? toNumber(starting[1], "streams", lineAt(report, starting.index))
      : Math.max(1, bidir ? Math.floor(connections / 2) : connections),
    reverse: /^Reverse mode, remote host \S+ is sending$/m.test(report),
    bidir,
    // Without -V only the measured span ("0.00-2.00") is printed; its whole seconds are what -t asked for.
    duration: starting
      ? toNumber(starting[2], "test duration", lineAt(report, starting.index))
      : Math.round(sender.end),
  };
  const workload = iperf3Workload(run);
  const samples = directionSamples(rows, "forward", udp);
  if (bidir) samples.push(...directionSamples(rows, "reverse", udp));
  samples.push(...cpuSamples(report));

  const time = TIME.exec(report);
  const startedAt = time ? new Date(time[1] ?? "") : undefined;
  if (time && Number.isNaN(startedAt?.getTime())) {
    throw new ParseError(`unreadable start time ${JSON.stringify(time[1])}`, lineAt(report, time.index));
  }
  return {
    toolVersion: VERSION.exec(report)?.[1],
    command: connect ? iperf3Command(run, connect[1] ?? "", Number(connect[2]), false) : undefined,
    startedAt,
    samples: samples.map((s) => ({ workload, ...s })),
  };
}

/** The final sender/receiver rows, [RX-C] ones (--bidir's server-to-client direction) apart. */
function summaryRows(report: string): SummaryRows {
  const rows: SummaryRows = { forward: { sender: [], receiver: [] }, reverse: { sender: [], receiver: [] } };
  for (const m of report.matchAll(SUMMARY)) {
    const line = lineAt(report, m.index);
    rows[m[2] === "RX" ? "reverse" : "forward"][m[8] as Side].push({
      sum: m[1] === "SUM",
      line,
      end: toNumber(m[4], "summary interval end", line),
      rate: toNumber(m[5], "summary bitrate", line),
      unit: m[6] ?? "",
      tail: m[7] ?? "",
    });
  }
  return rows;
}

/** With -P > 1 the totals are the [SUM] rows; with one stream the stream row is the total. */
function pickTotal(rows: SummaryRows, direction: Direction, side: Side): SummaryLine {
  const all = rows[direction][side];
  const found = all.find((r) => r.sum) ?? (all.length === 1 ? all[0] : undefined);
  if (found) return found;
  const what =
    direction === "reverse"
      ? `'[RX-C] ${side}' summary line (the --bidir reverse direction)`
      : `'${side}' summary line`;
  throw new ParseError(`missing the final ${what} (iperf3 stopped before its report?)`);
}

type Measured = Omit<ParsedSample, "workload">;

/** Throughput, retransmits (TCP) or jitter and loss (UDP) of one direction. */
function directionSamples(rows: SummaryRows, direction: Direction, udp: boolean): Measured[] {
  const sender = pickTotal(rows, direction, "sender");
  const receiver = pickTotal(rows, direction, "receiver");
  const prefix = direction === "reverse" ? BIDIR_REVERSE_PREFIX : "";
  const samples: Measured[] = [];
  const add = (metric: string, value: { value: number; unit: ParsedSample["unit"] }) =>
    samples.push({ metric: prefix + metric, ...value });
  add("sent_throughput", rate(sender));
  add("received_throughput", rate(receiver));
  if (udp) {
    const m = UDP_TAIL.exec(receiver.tail);
    if (!m)
      throw new ParseError("expected 'jitter ms lost/total (percent%)' on the receiver summary line", receiver.line);
    add("jitter", toCanonical(toNumber(m[1], "jitter", receiver.line), "ms"));
    add("lost_percent", { unit: "percent", value: toNumber(m[4], "lost percent", receiver.line) });
    add("lost_packets", { unit: "count", value: toNumber(m[2], "lost datagrams", receiver.line) });
  } else if (/^\d+$/.test(sender.tail)) {
    add("retransmits", { unit: "count", value: toNumber(sender.tail, "retransmits", sender.line) });
  }
  return samples;
}

function rate(row: SummaryLine): { value: number; unit: ParsedSample["unit"] } {
  const unit = RATE_UNITS[row.unit];
  if (!unit) throw new ParseError(`unknown iperf3 rate unit ${JSON.stringify(row.unit)}`, row.line);
  return toCanonical(row.rate, unit);
}

/** Only with -V: the CPU use of both ends. */
function cpuSamples(report: string): Measured[] {
  const cpu = CPU.exec(report);
  if (!cpu) return [];
  const line = lineAt(report, cpu.index);
  return [
    { metric: "cpu_host_total", unit: "percent", value: toNumber(cpu[1], "local CPU utilization", line) },
    { metric: "cpu_remote_total", unit: "percent", value: toNumber(cpu[2], "remote CPU utilization", line) },
  ];
}
