import { lineAt, requireNumber, toCanonical, toNumber } from "./text";
import { type LoggedRun, readRuns, runsAsRepetitions, sliceRuns } from "./runs";
import { ParseError, type ParseResult, type ParsedSample, type Parser, type WorkloadKey } from "./types";

// Format: iputils ping summary (iputils-20221126 ping/ping_common.c, finish()):
//   "N packets transmitted, M received, [+E errors, ]X% packet loss, time Tms"
//   "rtt min/avg/max/mdev = a/b/c/d ms"
const SUMMARY = /(\d+) packets transmitted, (\d+) received,.*?([\d.]+)% packet loss/;
const RTT = /(?:rtt|round-trip) min\/avg\/max\/(?:mdev|stddev) = ([\d.]+)\/([\d.]+)\/([\d.]+)\/([\d.]+) ms/;
// "PING host (addr) 56(84) bytes of data." (IPv4) or "PING ::1(::1) 56 data bytes" (IPv6): -s.
const PAYLOAD = /^PING .*?\)? (\d+)(?:\(\d+\))? (?:data )?bytes/m;
// ping's default -s: such runs keep the plain name "ping" they have always had.
const DEFAULT_PAYLOAD = 56;

/**
 * A shell loop appends each run to one log: every "PING <target> ..." line starts a run, and the
 * loop's own lines before the first are passed over. A log with one run is read whole, as always.
 */
function runsOf(raw: string): LoggedRun[] {
  const starts = [...raw.matchAll(/^PING \S/gm)].map((m) => m.index);
  return starts.length > 1 ? sliceRuns(raw, starts) : [{ text: raw, firstLine: 1 }];
}

function readOneRun(raw: string): ParseResult {
  const target = /^PING (\S+)/m.exec(raw)?.[1] ?? "unknown";
  const summary = SUMMARY.exec(raw);
  if (!summary)
    throw new ParseError("missing the 'packets transmitted, received, % packet loss' summary (output cut short?)");
  const payload = PAYLOAD.exec(raw);
  const size = payload ? toNumber(payload[1], "packet size", lineAt(raw, payload.index)) : DEFAULT_PAYLOAD;
  // The packet size is what the output shows of the command (the interval is not printed).
  const params: WorkloadKey["params"] = { transmitted: toNumber(summary[1], "packets transmitted") };
  if (size !== DEFAULT_PAYLOAD) params.size = size;
  const workload: WorkloadKey = {
    name: size === DEFAULT_PAYLOAD ? "ping" : `ping s=${size}`,
    category: "network",
    params,
  };
  const samples: ParsedSample[] = [
    {
      workload,
      metric: "packet_loss",
      unit: "percent",
      value: requireNumber(raw, /([\d.]+)% packet loss/, "packet loss"),
    },
  ];
  const rtt = RTT.exec(raw);
  // With 100 % loss ping prints no rtt line; that is a real result, not a parse failure.
  if (rtt) {
    const line = lineAt(raw, rtt.index);
    (["rtt_min", "rtt_avg", "rtt_max", "rtt_mdev"] as const).forEach((metric, i) => {
      const { value, unit } = toCanonical(toNumber(rtt[i + 1], metric, line), "ms");
      samples.push({ workload, metric, unit, value });
    });
  } else if (toNumber(summary[2], "packets received") > 0) {
    throw new ParseError("packets were received but the 'rtt min/avg/max/mdev' line is missing");
  }
  return { command: `ping ${target}`, samples };
}

export const pingParser: Parser = {
  id: "ping",
  version: 2,
  describe: "ping (iputils) text output with its statistics summary, one run or a log of several",
  detect: (raw) => /^PING \S+ \(/m.test(raw) || /--- \S+ ping statistics ---/.test(raw),
  parse(raw) {
    const runs = runsOf(raw);
    return runsAsRepetitions(readRuns(runs, (text) => readOneRun(text)));
  },
};
