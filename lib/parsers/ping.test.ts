import { describe } from "vitest";
import { describeFixtureCases, matchValues } from "./__test__/fixture-cases";
import { pingParser as parser } from "./ping";

const GOOD: [string, Record<string, number>][] = [
  ["loopback-5.txt", { packet_loss: 0, rtt_min: 43_000, rtt_avg: 50_000, rtt_max: 62_000, rtt_mdev: 6_000 }],
  ["loopback-quiet.txt", { packet_loss: 0 }],
];

// A run cut off before its summary.
const BROKEN: [string, RegExp][] = [["truncated.txt", /missing the 'packets transmitted/]];

describe("ping parser", () => {
  describeFixtureCases({
    parser,
    tool: "ping",
    good: GOOD,
    read: matchValues({ metricOnly: true }),
    broken: BROKEN,
    // Other tools' "wrong tool" fixtures are copies of ping output.
    copiesElsewhere: [
      "fio/ping-loopback.txt",
      "mbw/wrong-tool-ping.txt",
      "sysbench/wrong-tool-ping.txt",
      "table/wrong-tool-ping.txt",
    ],
  });
});
