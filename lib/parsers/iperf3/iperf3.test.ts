import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  FIRECRACKER_RAW,
  allMatches,
  describeFixtureCases,
  expectCloseTo,
  expectedRuns,
  expectRunsCloseTo,
  metricRuns,
  matchWorkloadMetrics,
  parseFixture,
  readFirecrackerRaw,
  sampleValues,
} from "../__test__/fixture-cases";
import { readFixture } from "../__test__/fixtures";
import { iperf3Parser as parser } from "./iperf3";

const parse = (name: string) => parseFixture(parser, "iperf3", name);

// Values copied from the fixtures: JSON bits_per_second / 8, text "N Gbits/sec" * 1e9 / 8,
// jitter ms * 1e6.
const GOOD: [string, string, Record<string, number>][] = [
  [
    "tcp-p1.json",
    "iperf3 tcp P=1",
    {
      sent_throughput: 9346653042.04369 / 8,
      received_throughput: 9346134409.37887 / 8,
      retransmits: 9,
      cpu_host_total: 28.408393637325986,
      cpu_remote_total: 37.936996955174429,
    },
  ],
  [
    "tcp-p2.json",
    "iperf3 tcp P=2",
    {
      sent_throughput: 13161666814.130758 / 8,
      received_throughput: 13153178504.30967 / 8,
      retransmits: 27,
    },
  ],
  [
    "tcp-reverse.json",
    "iperf3 tcp reverse P=1",
    {
      sent_throughput: 11485655978.8597 / 8,
      received_throughput: 11477514100.611662 / 8,
      retransmits: 12,
    },
  ],
  [
    "udp-100m.json",
    "iperf3 udp b=100M P=1",
    {
      sent_throughput: 100001085.92561409 / 8,
      received_throughput: 99981690.80616337 / 8,
      jitter: 0.006502080938002266 * 1e6,
      lost_percent: 0,
      lost_packets: 0,
    },
  ],
  ["tcp-p1.txt", "iperf3 tcp P=1", { sent_throughput: 13.4e9 / 8, received_throughput: 13.4e9 / 8, retransmits: 138 }],
  ["tcp-p2.txt", "iperf3 tcp P=2", { sent_throughput: 13.2e9 / 8, received_throughput: 13.2e9 / 8, retransmits: 71 }],
  [
    "tcp-reverse.txt",
    "iperf3 tcp reverse P=1",
    { sent_throughput: 13.7e9 / 8, received_throughput: 13.7e9 / 8, retransmits: 2 },
  ],
  [
    "tcp-p1-verbose.txt",
    "iperf3 tcp P=1",
    {
      sent_throughput: 14.8e9 / 8,
      received_throughput: 14.8e9 / 8,
      retransmits: 9,
      cpu_host_total: 95.9,
      cpu_remote_total: 37.7,
    },
  ],
  [
    "udp-100m.txt",
    "iperf3 udp P=1",
    {
      sent_throughput: 100e6 / 8,
      received_throughput: 100e6 / 8,
      jitter: 0.013e6,
      lost_percent: 0,
      lost_packets: 0,
    },
  ],
  [
    "ip-bidir.json",
    "iperf3 tcp bidir P=1",
    {
      sent_throughput: 7637786854.02273 / 8,
      received_throughput: 7615776346.31276 / 8,
      retransmits: 15,
      reverse_sent_throughput: 6302875512.16132 / 8,
      reverse_received_throughput: 6257046680.14058 / 8,
      reverse_retransmits: 11,
      cpu_host_total: 56.7222892517168,
      cpu_remote_total: 52.69066801006754,
    },
  ],
  [
    "ip-udp-bidir.json",
    "iperf3 udp bidir b=20M P=1",
    {
      sent_throughput: 20183150.41755991 / 8,
      received_throughput: 20176734.831779644 / 8,
      jitter: 0.017469099290765035 * 1e6,
      lost_percent: 0,
      lost_packets: 0,
      reverse_sent_throughput: 20183150.41755991 / 8,
      reverse_received_throughput: 20176734.831779644 / 8,
      reverse_jitter: 0.016601431270230445 * 1e6,
      reverse_lost_percent: 0,
      reverse_lost_packets: 0,
    },
  ],
  [
    "ip-bidir.txt",
    "iperf3 tcp bidir P=1",
    {
      sent_throughput: 10.4e9 / 8,
      received_throughput: 10.4e9 / 8,
      retransmits: 24,
      reverse_sent_throughput: 3.57e9 / 8,
      reverse_received_throughput: 3.53e9 / 8,
      reverse_retransmits: 10,
    },
  ],
  [
    "ip-bidir-p2.txt",
    "iperf3 tcp bidir P=2",
    {
      sent_throughput: 1.57e9 / 8,
      received_throughput: 1.5e9 / 8,
      retransmits: 0,
      reverse_sent_throughput: 13.4e9 / 8,
      reverse_received_throughput: 13.4e9 / 8,
      reverse_retransmits: 5,
    },
  ],
  [
    "ip-udp-bidir.txt",
    "iperf3 udp bidir P=1",
    {
      sent_throughput: 20.2e6 / 8,
      received_throughput: 20.2e6 / 8,
      jitter: 0.086e6,
      lost_percent: 0,
      lost_packets: 0,
      reverse_sent_throughput: 20.2e6 / 8,
      reverse_received_throughput: 20.2e6 / 8,
      reverse_jitter: 0.062e6,
      reverse_lost_percent: 0,
      reverse_lost_packets: 0,
    },
  ],
  // The server's report appended after the client's holds a second "connected to" line: still one stream.
  [
    "ip-get-server-output.txt",
    "iperf3 tcp P=1",
    { sent_throughput: 14.8e9 / 8, received_throughput: 14.8e9 / 8, retransmits: 25 },
  ],
];

const BROKEN: [string, string | RegExp][] = [
  ["error-refused.json", "iperf3 reported an error: unable to connect to server: Connection refused"],
  ["error-refused.txt", "line 1: iperf3 reported an error: unable to connect to server: Connection refused"],
  // The rest of the message is V8's, which changes between Node releases.
  ["truncated.json", /^line 70: invalid JSON: /],
  ["truncated.txt", "missing the final 'sender' summary line (iperf3 stopped before its report?)"],
  ["empty.json", "empty input: expected iperf3 JSON (-J) or text output"],
  ["truncated-loop-last-run.json", /^line 650: run 5 of 5 \(lines 587-650\): invalid JSON: /],
  [
    "truncated-loop-last-run.txt",
    "line 41: run 4 of 4 (lines 41-50): missing the final 'sender' summary line (iperf3 stopped before its report?)",
  ],
  [
    "ip-server-side.txt",
    `line 2: this is iperf3's server-side output ("Server listening on 5301 (test #1)"): it has only what the server measured`,
  ],
  ["wrong-tool-wrk.txt", "missing the final 'sender' summary line (iperf3 stopped before its report?)"],
  [
    "wrong-tool-hyperfine.json",
    "invalid iperf3 JSON report:\n✖ Invalid input: expected object, received undefined\n  → at start",
  ],
];

describe("iperf3 parser", () => {
  describeFixtureCases({
    parser,
    tool: "iperf3",
    good: GOOD,
    read: matchWorkloadMetrics(3),
    broken: BROKEN,
    testedElsewhere: ["loop-streams.json", "loop-streams-array.json", "loop-streams.txt"],
  });

  it("keeps the run parameters, version, equivalent command and start time from JSON", () => {
    const result = parse("udp-100m.json");
    expect(result.samples[0]?.workload).toEqual({
      name: "iperf3 udp b=100M P=1",
      category: "network",
      params: { protocol: "udp", streams: 1, reverse: false, duration: 2, target_bitrate: 100_000_000 },
    });
    expect(result.toolVersion).toBe("3.12");
    expect(result.command).toBe("iperf3 -c 127.0.0.1 -p 5211 -t 2 -u -b 100M -J");
    expect(result.startedAt).toEqual(new Date(1795729723 * 1000));
    expect(result.samples.find((s) => s.metric === "jitter")?.unit).toBe("ns");
  });

  it("reads streams and reverse mode from the text report", () => {
    const { samples, command } = parse("tcp-p2.txt");
    expect(samples[0]?.workload.params).toEqual({ protocol: "tcp", streams: 2, reverse: false, duration: 2 });
    expect(command).toBe("iperf3 -c 127.0.0.1 -p 5211 -t 2 -P 2");
    expect(parse("tcp-reverse.txt").samples[0]?.workload.params.reverse).toBe(true);
  });

  it("reads a text report that opens with a '[  5]' line as text, not as a JSON array", () => {
    // Derived in-test from a real capture: its first lines (connection and header) cut off.
    const raw = readFixture("iperf3", "tcp-p1.txt").split("\n").slice(3).join("\n");
    expect(raw.startsWith("[  5]")).toBe(true);
    expect(parser.detect(raw, "log.txt")).toBe(true);
    expect(sampleValues(parser.parse(raw, { fileName: "log.txt" }), { metricOnly: true })).toEqual(
      sampleValues(parse("tcp-p1.txt"), { metricOnly: true }),
    );
  });

  it("reads the version and start time that -V prints", () => {
    const result = parse("tcp-p1-verbose.txt");
    expect(result.toolVersion).toBe("3.12");
    expect(result.startedAt).toEqual(new Date("2026-11-26T21:54:31Z"));
  });
});

describe("iperf3 parser on --bidir runs", () => {
  it("makes a --bidir run a workload of its own, not the one-way run's", () => {
    const { samples, command } = parse("ip-bidir.json");
    expect(samples[0]?.workload.params).toEqual({
      protocol: "tcp",
      streams: 1,
      reverse: false,
      bidir: true,
      duration: 2,
    });
    expect(samples[0]?.workload.name).not.toBe(parse("tcp-p1.json").samples[0]?.workload.name);
    expect(command).toBe("iperf3 -c 127.0.0.1 -p 5299 -t 2 --bidir -J");
  });

  it("gives the text report the workload and metrics its JSON gives (CPU use is printed with -V only)", () => {
    const metrics = (name: string) =>
      parse(name)
        .samples.map((s) => s.metric)
        .filter((m) => !m.startsWith("cpu_"));
    const workload = (name: string) => parse(name).samples[0]?.workload;
    expect(metrics("ip-bidir.txt")).toEqual(metrics("ip-bidir.json"));
    expect(workload("ip-bidir.txt")).toEqual(workload("ip-bidir.json"));
    // The text report does not print -b, so the UDP workload names differ by it alone.
    expect(metrics("ip-udp-bidir.txt")).toEqual(metrics("ip-udp-bidir.json"));
    expect(parse("ip-udp-bidir.txt").command).toBe("iperf3 -c 127.0.0.1 -p 5303 -t 1 --bidir -u");
  });

  it("names the missing reverse-direction summary of a --bidir text report cut short", () => {
    // Derived in-test from the real capture: its last four lines ([  7][RX-C] rows, "iperf Done.") cut off.
    const raw = readFixture("iperf3", "ip-bidir.txt").split("\n").slice(0, -5).join("\n");
    expect(raw.endsWith("receiver")).toBe(true);
    expect(() => parser.parse(raw, { fileName: "log.txt" })).toThrow(
      "missing the final '[RX-C] sender' summary line (the --bidir reverse direction)",
    );
  });
});

describe("iperf3 parser on logs of several runs (a shell loop)", () => {
  // jq -s wrapped the appended reports into the array; jq, not our parser, read them apart.
  const reports = JSON.parse(readFixture("iperf3", "loop-streams-array.json")) as {
    start: { test_start: { num_streams: number; reverse: number } };
    end: { sum_sent: { bits_per_second: number }; sum_received: { bits_per_second: number } };
  }[];
  const workloads = reports.map(
    ({ start: { test_start: t } }) => `iperf3 tcp${t.reverse ? " reverse" : ""} P=${t.num_streams}`,
  );

  it.each(["loop-streams.json", "loop-streams-array.json"])(
    "%s: each report a repetition of its workload, streams and reverse mode splitting them",
    (name) => {
      expect(reports).toHaveLength(5);
      expect(new Set(workloads).size).toBe(3);
      const result = parse(name);
      const bytes = (side: "sum_sent" | "sum_received") => reports.map((r) => r.end[side].bits_per_second / 8);
      expect(metricRuns(result, "sent_throughput")).toEqual(expectedRuns(workloads, bytes("sum_sent")));
      expect(metricRuns(result, "received_throughput")).toEqual(expectedRuns(workloads, bytes("sum_received")));
      expect(result.toolVersion).toBe("3.12");
      // The runs differ (-P, -R): no one command stands for the file.
      expect(result.command).toBeUndefined();
    },
  );

  it("passes over lines a loop echoed between JSON reports", () => {
    // Derived in-test from the real log: an echo before each report, as `echo; iperf3 -J` writes.
    const echoed = readFixture("iperf3", "loop-streams.json").replace(/^\{$/gm, "=== next run ===\n{");
    expect(parser.detect(echoed, "log.txt")).toBe(true);
    expect(parser.parse(echoed, { fileName: "log.txt" }).samples).toEqual(parse("loop-streams.json").samples);
  });

  it("reads the text reports of a loop, interval lines and the loop's echo left out", () => {
    const raw = readFixture("iperf3", "loop-streams.txt");
    const loopWorkloads = allMatches(raw, /^=== iperf3 (.*) ===$/gm).map(
      (args) => `iperf3 ${args.includes("-u") ? "udp" : "tcp"} P=${/-P (\d+)/.exec(args)?.[1] ?? 1}`,
    );
    // Each run's total is its last 'sender' line, just before its 'receiver' line and "iperf Done.".
    const rates = [...raw.matchAll(/ ([\d.]+) ([MG])bits\/sec .*sender\n.*receiver\n\niperf Done\.$/gm)].map(
      ([, value, prefix]) => (Number(value) * (prefix === "G" ? 1e9 : 1e6)) / 8,
    );
    expectRunsCloseTo(metricRuns(parse("loop-streams.txt"), "sent_throughput"), expectedRuns(loopWorkloads, rates), 3);
  });
});

// iperf3 3.1.3 and 3.6 JSON from the Firecracker NSDI'20 artifact (data/public/firecracker-nsdi2020).
describe("iperf3 parser on the Firecracker NSDI'20 data", () => {
  const files = readdirSync(FIRECRACKER_RAW).filter((f) => /^net-.*\.json$/.test(f));

  it("parses every non-empty net-*.json and rejects the empty one", () => {
    for (const f of files) {
      const raw = readFirecrackerRaw(f);
      if (raw === "") {
        expect(() => parser.parse(raw, { fileName: f }), f).toThrow("empty input");
      } else {
        expect(parser.detect(raw, f), f).toBe(true);
        expect(parser.parse(raw, { fileName: f }).samples.length, f).toBeGreaterThan(0);
      }
    }
  });

  it("reads net-fc-tx-01.json (iperf 3.6)", () => {
    const result = parser.parse(readFirecrackerRaw("net-fc-tx-01.json"), { fileName: "net-fc-tx-01.json" });
    expect(result.toolVersion).toBe("3.6");
    expect(result.startedAt).toEqual(new Date(1581253519 * 1000));
    expect(result.samples[0]?.workload.name).toBe("iperf3 tcp P=1");
    expectCloseTo(
      sampleValues(result, { metricOnly: true }),
      {
        sent_throughput: 14155568418.872925 / 8,
        received_throughput: 14155568374.073704 / 8,
        retransmits: 0,
      },
      3,
    );
  });
});
