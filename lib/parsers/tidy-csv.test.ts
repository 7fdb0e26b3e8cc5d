import { describe, expect, it } from "vitest";
import { readFixture } from "./__test__/fixtures";
import { tidyCsvParser } from "./tidy-csv";

const parse = (name: string, options?: Record<string, unknown>) =>
  tidyCsvParser.parse(readFixture("tidy-csv", name), { fileName: name, ...(options ? { options } : {}) });

describe("tidy CSV parser", () => {
  it("reads hvscope's own export back: runtime, workload, category, unit and direction per row", () => {
    const { samples } = parse("hvscope-export.csv");
    expect(samples).toHaveLength(15);
    expect(samples[0]).toEqual({
      workload: { name: "fio randread bs=4k iodepth=8 ioengine=libaio", category: "disk", params: {} },
      metric: "read_bw",
      unit: "bytes_per_s",
      value: 250137164,
      direction: "higher",
      repetition: 0,
      runtime: "runc",
    });
    expect(samples.find((s) => s.metric === "rtt_avg")).toMatchObject({
      runtime: "runsc-ptrace",
      unit: "ns",
      value: 50_000,
      workload: { category: "network" },
    });
  });

  it("reads a wide table, one row per run and a column per metric, as the manifest names them", () => {
    const options = {
      values: { version_us: { metric: "wall_time" }, max_rss_kb: { metric: "max_rss", unit: "kB" } },
      columns: { repetition: "Iteration" },
      workload: "runtime --version",
      category: "startup",
    };
    const { samples } = parse("wide-version-cli.csv", options);
    expect(samples).toHaveLength(18);
    expect(samples.slice(0, 2)).toEqual([
      {
        workload: { name: "runtime --version", category: "startup", params: {} },
        metric: "wall_time",
        unit: "ns",
        value: 20_266_000,
        repetition: 0,
        runtime: "runc",
      },
      {
        workload: { name: "runtime --version", category: "startup", params: {} },
        metric: "max_rss",
        unit: "bytes",
        value: 8308 * 1024,
        repetition: 0,
        runtime: "runc",
      },
    ]);
    expect(samples.filter((s) => s.runtime === "runsc").map((s) => s.repetition)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it("makes each value of a wide table's param column a workload, and names what its header lacks", () => {
    // Its iteration column taken for a swept parameter (for want of a real sweep): each value a workload.
    const swept = parse("wide-version-cli.csv", {
      values: { version_us: {} },
      params: ["iteration"],
      category: "startup",
    }).samples;
    expect(new Set(swept.map((s) => s.workload.name))).toEqual(
      new Set(["wide-version-cli iteration=1", "wide-version-cli iteration=2", "wide-version-cli iteration=3"]),
    );
    expect(swept.every((s) => s.repetition === 0 && s.metric === "version")).toBe(true);
    expect(() => parse("wide-version-cli.csv", { values: { rss_kb: { unit: "kB" } }, category: "startup" })).toThrow(
      "line 1: header lacks rss_kb; found: runtime, iteration, version_us, max_rss_kb",
    );
    expect(() => parse("wide-version-cli.csv", { values: { max_rss_kb: {} }, category: "startup" })).toThrow(
      'no unit for metric "max_rss_kb"',
    );
  });

  it("takes units and category from the manifest when the table has none", () => {
    const { samples } = parse("no-units.csv", { units: { read_bw: "B/s", read_iops: "ops/s" }, category: "disk" });
    expect(samples.find((s) => s.metric === "read_iops")).toMatchObject({
      unit: "ops_per_s",
      workload: { name: "read_iops", category: "disk" },
    });
  });

  it.each([
    [
      "no-units.csv",
      /^line 2: no unit for metric "read_bw": add a unit column or options\.units\.read_bw in the manifest$/,
    ],
    ["header-only.csv", /^no data rows after the header$/],
  ])("rejects %s with a clear error", (name, message) => {
    expect(() => parse(name)).toThrow(message);
  });

  it("drops a time unit from a metric's name, since values become ns, and keeps a rate's name whole", () => {
    const { samples } = tidyCsvParser.parse(
      "runtime,workload,metric,unit,value\nrunc,ab,requests_per_s,ops_per_s,1\nrunc,boot,startup_time_ms,,1\n",
      { fileName: "f.csv" },
    );
    expect(samples.map((s) => [s.metric, s.unit, s.value])).toEqual([
      ["requests_per_s", "ops_per_s", 1],
      ["startup_time", "ns", 1e6],
    ]);
  });

  it("names a header's columns as written when it lacks the needed ones", () => {
    // A headerless CSV forced to this parser: its first row is the header, numbers and all.
    expect(() => tidyCsvParser.parse("runc,1000000000,13.155\nrunsc,1000000000,15.2\n", { fileName: "f.csv" })).toThrow(
      "found: runc, 1000000000, 13.155",
    );
  });

  it("rejects an unknown unit cell and bad manifest options", () => {
    expect(() => tidyCsvParser.parse("runtime,metric,value,unit\nrunc,x,1,furlongs\n", { fileName: "f.csv" })).toThrow(
      /^line 2: unknown unit "furlongs"/,
    );
    expect(() => parse("hvscope-export.csv", { units: { x: "parsecs" } })).toThrow(
      /invalid tidy-csv options in the manifest/,
    );
  });

  it("detects tidy CSVs by their header only", () => {
    expect(tidyCsvParser.detect(readFixture("tidy-csv", "hvscope-export.csv"), "x")).toBe(true);
    expect(tidyCsvParser.detect(readFixture("redis-benchmark", "csv.csv"), "x")).toBe(false);
    expect(tidyCsvParser.detect(readFixture("ping", "loopback-5.txt"), "x")).toBe(false);
    expect(tidyCsvParser.detect("", "x")).toBe(false);
  });
});
