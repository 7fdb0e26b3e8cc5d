import { z } from "zod";
import { BIDIR_REVERSE_PREFIX, iperf3Command, iperf3Workload, type Iperf3Run } from "./iperf3-run";
import { lineAt, parseJson, toCanonical } from "../text";
import { type LoggedRun, jsonValueSpans, readRun, readRuns, runsAsRepetitions } from "../runs";
import { ParseError, type ParseResult, type ParsedSample } from "../types";

// Shape written by iperf_json_start()/iperf_stats_callback()/iperf_print_results() in
// https://github.com/esnet/iperf/blob/3.12/src/iperf_api.c. Only the fields we read are
// listed; older releases (3.1.3, 3.6 in the Firecracker data) omit target_bitrate and, for
// UDP, report the totals in end.sum instead of end.sum_sent/sum_received.
const Sum = z.object({
  seconds: z.number(),
  bytes: z.number(),
  bits_per_second: z.number(),
  retransmits: z.number().int().optional(),
  jitter_ms: z.number().optional(),
  lost_packets: z.number().int().optional(),
  lost_percent: z.number().optional(),
});

const End = z.object({
  sum_sent: Sum.optional(),
  sum_received: Sum.optional(),
  sum: Sum.optional(),
  // --bidir: the server-to-client direction, in the same shapes as the three above.
  sum_sent_bidir_reverse: Sum.optional(),
  sum_received_bidir_reverse: Sum.optional(),
  sum_bidir_reverse: Sum.optional(),
  cpu_utilization_percent: z.object({ host_total: z.number(), remote_total: z.number() }).optional(),
});
type End = z.infer<typeof End>;
const REVERSE_KEYS = ["sum_sent_bidir_reverse", "sum_received_bidir_reverse", "sum_bidir_reverse"] as const;
type Add = (metric: string, value: number, from: "bit/s" | "ms" | "count" | "%") => void;

const Iperf3Json = z.object({
  start: z.object({
    version: z.string().optional(),
    timestamp: z.object({ timesecs: z.number() }).optional(),
    connecting_to: z.object({ host: z.string(), port: z.number().int() }).optional(),
    test_start: z.object({
      protocol: z.string(),
      num_streams: z.number().int().positive(),
      duration: z.number(),
      reverse: z.number().int(),
      target_bitrate: z.number().optional(),
    }),
  }),
  end: End,
});

// A failed run still prints a JSON document; the reason is its top-level "error" string.
const Iperf3Error = z.object({ error: z.string() });

/**
 * iperf3 JSON: one report, several appended by a loop, or a JSON array of reports (`jq -s`).
 * Each report is a run, a repetition of its own workload; a one-report file reads as always.
 */
export function parseIperf3Json(raw: string): ParseResult {
  const values = jsonValueSpans(raw);
  if (values.length <= 1) {
    // Blanks keep JSON.parse's line numbers those of the file when the loop echoed a line first.
    const start = values[0]?.start ?? 0;
    const doc = parseJson(raw.slice(0, start).replace(/[^\n]/g, " ") + raw.slice(start, values[0]?.end));
    if (!Array.isArray(doc)) return readReport(doc);
    if (doc.length === 0) throw new ParseError("an empty JSON array: expected iperf3 -J reports in it");
    return runsAsRepetitions(
      doc.map((report, index) => readRun({ index, count: doc.length }, () => readReport(report))),
    );
  }
  const runs: LoggedRun[] = values.map(({ start, end }) => ({
    text: raw.slice(start, end),
    firstLine: lineAt(raw, start),
  }));
  return runsAsRepetitions(readRuns(runs, (text) => readReport(parseJson(text))));
}

function readReport(doc: unknown): ParseResult {
  const failed = Iperf3Error.safeParse(doc);
  if (failed.success) throw new ParseError(`iperf3 reported an error: ${failed.data.error}`);
  const parsed = Iperf3Json.safeParse(doc);
  if (!parsed.success) throw new ParseError(`invalid iperf3 JSON report:\n${z.prettifyError(parsed.error)}`);
  const { start, end } = parsed.data;
  const protocol = start.test_start.protocol.toLowerCase();
  if (protocol !== "tcp" && protocol !== "udp") {
    throw new ParseError(
      `unsupported iperf3 protocol ${JSON.stringify(start.test_start.protocol)} (expected TCP or UDP)`,
    );
  }
  const run: Iperf3Run = {
    protocol,
    streams: start.test_start.num_streams,
    reverse: start.test_start.reverse !== 0,
    // 3.12's test_start does not record --bidir; its reverse-direction sums do.
    bidir: REVERSE_KEYS.some((key) => end[key] !== undefined),
    duration: start.test_start.duration,
    targetBitrate: start.test_start.target_bitrate || undefined,
  };
  const workload = iperf3Workload(run);
  const samples: ParsedSample[] = [];
  const add: Add = (metric, value, from) => {
    samples.push({ workload, metric, ...toCanonical(value, from) });
  };

  readDirection(end, "", protocol, add);
  if (run.bidir) {
    readDirection(end, "_bidir_reverse", protocol, (metric, ...rest) => add(BIDIR_REVERSE_PREFIX + metric, ...rest));
  }
  if (end.cpu_utilization_percent) {
    add("cpu_host_total", end.cpu_utilization_percent.host_total, "%");
    add("cpu_remote_total", end.cpu_utilization_percent.remote_total, "%");
  }

  const to = start.connecting_to;
  return {
    toolVersion: start.version?.replace(/^iperf\s+/, ""),
    command: to ? iperf3Command(run, to.host, to.port, true) : undefined,
    startedAt: start.timestamp ? new Date(start.timestamp.timesecs * 1000) : undefined,
    samples,
  };
}

/** One direction's totals: `end.sum_sent` and the rest, or with `suffix` their --bidir reverse twins. */
function readDirection(end: End, suffix: "" | "_bidir_reverse", protocol: "tcp" | "udp", add: Add): void {
  const [sentKey, receivedKey, sumKey] = [`sum_sent${suffix}`, `sum_received${suffix}`, `sum${suffix}`] as const;
  const sent = end[sentKey] ?? end[sumKey];
  if (!sent) throw new ParseError(`missing end.${sentKey} (iperf3 stopped before its final report?)`);
  const received = end[receivedKey];

  add("sent_throughput", sent.bits_per_second, "bit/s");
  if (received) add("received_throughput", received.bits_per_second, "bit/s");
  if (sent.retransmits !== undefined) add("retransmits", sent.retransmits, "count");
  if (protocol === "udp") {
    // Loss and jitter are measured by the receiving side; the sender's copies are zeros.
    const rx = received?.jitter_ms !== undefined ? received : end[sumKey];
    if (rx?.jitter_ms === undefined || rx.lost_percent === undefined || rx.lost_packets === undefined) {
      throw new ParseError(`missing UDP jitter_ms/lost_percent/lost_packets in end.${receivedKey} or end.${sumKey}`);
    }
    add("jitter", rx.jitter_ms, "ms");
    add("lost_percent", rx.lost_percent, "%");
    add("lost_packets", rx.lost_packets, "count");
  }
}
