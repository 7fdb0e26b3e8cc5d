import { lineAt, requireNumber, toCanonical, toNumber } from "./text";
import { ParseError, type ParsedSample, type Parser } from "./types";

// Format: iputils ping summary (iputils-20221126 ping/ping_common.c, finish()):
//   "N packets transmitted, M received, [+E errors, ]X% packet loss, time Tms"
//   "rtt min/avg/max/mdev = a/b/c/d ms"
const SUMMARY = /(\d+) packets transmitted, (\d+) received,.*?([\d.]+)% packet loss/;
const RTT = /(?:rtt|round-trip) min\/avg\/max\/(?:mdev|stddev) = ([\d.]+)\/([\d.]+)\/([\d.]+)\/([\d.]+) ms/;

export const pingParser: Parser = {
  id: "ping",
  version: 1,
  describe: "ping (iputils) text output with its statistics summary",
  detect: (raw) => /^PING \S+ \(/m.test(raw) || /--- \S+ ping statistics ---/.test(raw),
  parse(raw) {
    const target = /^PING (\S+)/m.exec(raw)?.[1] ?? "unknown";
    const summary = SUMMARY.exec(raw);
    if (!summary)
      throw new ParseError("missing the 'packets transmitted, received, % packet loss' summary (output cut short?)");
    const workload = {
      name: "ping",
      category: "network" as const,
      params: { transmitted: toNumber(summary[1], "packets transmitted") },
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
  },
};
