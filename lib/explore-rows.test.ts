import { describe, expect, it } from "vitest";
import { fromColumns, OVERHEAD_CSV_COLUMNS, toColumns, toOverheadColumns, toOverheadCsvRow } from "./explore-rows";
import { overheadRowFor } from "./overhead-row-fixture";

const rows = [
  { ...overheadRowFor({ runtime: "runsc-ptrace", workload: "fio randread", direction: "higher", metric: "read_iops", values: [50, 60], base: [100, 110] }), sourceFileIds: [3, 4] },
  { ...overheadRowFor({ runtime: "crun", workload: "ping", direction: "lower", metric: "rtt_avg", values: [12], base: [10] }), sourceFileIds: [7] },
];

describe("columns", () => {
  it("round-trip rows in order, with nulls and arrays intact", () => {
    const keys = ["runtime", "version", "overheadPct", "sourceFileIds"] as const;
    const back = fromColumns(toColumns(rows, keys));
    expect(back).toEqual(rows.map((r) => ({ runtime: r.runtime, version: null, overheadPct: r.overheadPct, sourceFileIds: r.sourceFileIds })));
  });

  it("name each field once, whatever the number of rows", () => {
    const json = JSON.stringify(toColumns([...rows, ...rows, ...rows], ["runtime", "workload"]));
    expect(json.match(/"runtime"/g)).toHaveLength(1);
  });

  it("give no rows back for no rows", () => {
    expect(fromColumns(toColumns([], ["runtime"]))).toEqual([]);
  });
});

describe("toOverheadColumns", () => {
  it("sends what the chart, table and CSV show, and nothing else", () => {
    const columns = toOverheadColumns(rows);
    expect(Object.keys(columns).sort()).toEqual([...OVERHEAD_CSV_COLUMNS, "sourceFileIds"].sort());
    expect(columns.sourceFileIds).toEqual([[3, 4], [7]]);
  });

  it("keeps every CSV value of a row as computed on the server", () => {
    const [first] = fromColumns(toOverheadColumns(rows));
    expect(toOverheadCsvRow(first!)).toEqual(Object.fromEntries(OVERHEAD_CSV_COLUMNS.map((c) => [c, rows[0]![c]])));
  });
});
