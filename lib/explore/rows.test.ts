import { describe, expect, it } from "vitest";
import { fromColumns, narrowRows, OVERHEAD_CSV_COLUMNS, toColumns, toOverheadColumns, toOverheadCsvRow } from "./rows";
import { overheadRowFor } from "@/test/overhead-row-fixture";

const rows = [
  {
    ...overheadRowFor({
      runtime: "runsc-ptrace",
      workload: "fio randread",
      direction: "higher",
      metric: "read_iops",
      values: [50, 60],
      base: [100, 110],
    }),
    sourceFileIds: [3, 4],
  },
  {
    ...overheadRowFor({
      runtime: "crun",
      workload: "ping",
      direction: "lower",
      metric: "rtt_avg",
      values: [12],
      base: [10],
    }),
    sourceFileIds: [7],
  },
];

describe("columns", () => {
  it("round-trip rows in order, with nulls and arrays intact", () => {
    const keys = ["runtime", "version", "overheadPct", "sourceFileIds"] as const;
    const back = fromColumns(toColumns(rows, keys));
    expect(back).toEqual(
      rows.map((r) => ({
        runtime: r.runtime,
        version: null,
        overheadPct: r.overheadPct,
        sourceFileIds: r.sourceFileIds,
      })),
    );
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
    expect(Object.keys(columns).sort()).toEqual([...OVERHEAD_CSV_COLUMNS, "category", "sourceFileIds"].sort());
    expect(columns.sourceFileIds).toEqual([[3, 4], [7]]);
  });

  it("keeps every CSV value of a row as computed on the server", () => {
    const [first] = fromColumns(toOverheadColumns(rows));
    expect(toOverheadCsvRow(first!)).toEqual(Object.fromEntries(OVERHEAD_CSV_COLUMNS.map((c) => [c, rows[0]![c]])));
  });
});

describe("narrowRows", () => {
  const rows = [
    { runtime: "crun", workload: "fio" },
    { runtime: "runsc-ptrace", workload: "fio" },
    { runtime: "runsc-ptrace", workload: "redis" },
    { runtime: "runc", workload: "fio" }, // another variant of the baseline
  ];
  const all = { runtime: [], workload: [], baseline: "runc" };

  it("cuts the served rows to fewer runtimes or workloads, keeping the baseline's own rows", () => {
    expect(narrowRows(rows, all, { runtime: ["runsc-ptrace"], workload: [] })).toEqual([rows[1], rows[2], rows[3]]);
    expect(narrowRows(rows, all, { runtime: ["runsc-ptrace"], workload: ["redis"] })).toEqual([rows[2]]);
    expect(
      narrowRows(rows, { ...all, runtime: ["crun", "runsc-ptrace"] }, { runtime: ["crun"], workload: [] }),
    ).toEqual([rows[0], rows[3]]);
  });

  it("leaves wider, unchanged and empty selections to the server", () => {
    expect(narrowRows(rows, { ...all, runtime: ["crun"] }, { runtime: [], workload: [] })).toBeNull();
    expect(
      narrowRows(rows, { ...all, runtime: ["crun"] }, { runtime: ["crun", "runsc-ptrace"], workload: [] }),
    ).toBeNull();
    expect(narrowRows(rows, all, { runtime: [], workload: [] })).toBeNull();
    expect(narrowRows(rows, all, { runtime: [], workload: ["nginx"] })).toBeNull();
  });
});
