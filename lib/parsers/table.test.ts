import { describe, expect, it } from "vitest";
import { readFixture } from "./__test__/fixtures";
import { tableParser } from "./table";

const parse = (name: string, options?: Record<string, unknown>) =>
  tableParser.parse(readFixture("table", name), { fileName: name, ...(options ? { options } : {}) });

const US = { category: "startup", columns: [{ metric: "wall_time", unit: "us" }] };
const TWO = {
  category: "footprint",
  skipLines: 1,
  columns: [
    { metric: "wall_time", unit: "s" },
    { metric: "max_rss", unit: "kB" },
  ],
};

describe("numeric table parser", () => {
  it("turns each line into a repetition, in the manifest's units", () => {
    const { samples } = parse("runc-version-us.dat", US);
    expect(samples.map((s) => [s.repetition, s.value])).toEqual([
      [0, 41_381_000],
      [1, 31_232_000],
      [2, 30_615_000],
      [3, 30_401_000],
      [4, 31_927_000],
    ]);
    expect(samples[0]).toMatchObject({
      metric: "wall_time",
      unit: "ns",
      workload: { name: "runc-version-us", category: "startup" },
    });
  });

  it("skips header lines and reads comma-separated columns", () => {
    const { samples } = parse("sleep-time-header.csv", TWO);
    expect(samples.filter((s) => s.metric === "max_rss").map((s) => s.value)).toEqual([
      1656 * 1024,
      1628 * 1024,
      1640 * 1024,
    ]);
    expect(samples.filter((s) => s.metric === "wall_time").map((s) => s.value)).toEqual([5e7, 5e7, 5e7]);
  });

  it("makes each value of a param column a workload of its own, its rows that workload's repetitions", () => {
    const options = { category: "disk", columns: [{ param: "block_kib" }, { metric: "copy_time", unit: "s" }] };
    const { samples } = parse("dd-bs-sweep.txt", options);
    expect(samples.map((s) => [s.workload.name, s.repetition])).toEqual([
      ["dd-bs-sweep block_kib=4", 0],
      ["dd-bs-sweep block_kib=4", 1],
      ["dd-bs-sweep block_kib=4", 2],
      ["dd-bs-sweep block_kib=64", 0],
      ["dd-bs-sweep block_kib=64", 1],
      ["dd-bs-sweep block_kib=64", 2],
    ]);
    expect(samples[3]).toMatchObject({ metric: "copy_time", unit: "ns", workload: { params: { block_kib: 64 } } });
    expect(samples[3]!.value).toBeCloseTo(0.0709496e9, 0);
  });

  it.each([
    ["truncated-row.csv", TWO, /^line 3: expected 2 columns, found 1$/],
    ["runc-version-us.dat", undefined, /needs a manifest rule with parser: table and options\.columns/],
    ["sleep-time-header.csv", { ...TWO, skipLines: 0 }, /^line 1: expected a number for wall_time, got "elapsed_s"$/],
    ["runc-version-us.dat", { columns: [] }, /invalid table options in the manifest/],
  ])("rejects %s with a clear error", (name, options, message) => {
    expect(() => parse(name, options)).toThrow(message);
  });

  it("detects numeric text, with at most one header line, and nothing else", () => {
    expect(tableParser.detect(readFixture("table", "runc-version-us.dat"), "x")).toBe(true);
    expect(tableParser.detect(readFixture("table", "sleep-time-header.csv"), "x")).toBe(true);
    expect(tableParser.detect(readFixture("table", "wrong-tool-ping.txt"), "x")).toBe(false);
    expect(tableParser.detect("", "x")).toBe(false);
  });
});
