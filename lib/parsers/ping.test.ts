import { describe, expect, it } from "vitest";
import { readFixture } from "./fixtures";
import { pingParser } from "./ping";

const metricsOf = (name: string) =>
  Object.fromEntries(pingParser.parse(readFixture("ping", name), { fileName: name }).samples.map((s) => [s.metric, s.value]));

describe("ping parser", () => {
  it.each([
    ["loopback-5.txt", { packet_loss: 0, rtt_min: 43_000, rtt_avg: 50_000, rtt_max: 62_000, rtt_mdev: 6_000 }],
    ["loopback-quiet.txt", { packet_loss: 0 }],
  ])("reads %s", (name, expected) => {
    expect(pingParser.detect(readFixture("ping", name), name)).toBe(true);
    expect(metricsOf(name)).toMatchObject(expected);
  });

  it("rejects a run cut off before its summary", () => {
    expect(() => metricsOf("truncated.txt")).toThrow(/missing the 'packets transmitted/);
  });

  it("does not claim empty input", () => {
    expect(pingParser.detect("", "x.txt")).toBe(false);
  });
});
