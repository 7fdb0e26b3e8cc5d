import { describe, expect, it } from "vitest";
import { loadSynthesisApiFilters } from "../search-params";
import { listsStudies, synthesisJson, synthesisJsonText, unreadableStudies } from "./json-body";
import type { Synthesis, SynthesisRow, SynthesisStudy } from "./synthesize";

function study(logRatio: number, variance: number | null): SynthesisStudy {
  return {
    dataset: "d",
    host: "h",
    version: null,
    workloads: ["w"],
    n: variance === null ? 1 : 3,
    logRatio,
    variance,
    overheadPct: (Math.exp(logRatio) - 1) * 100,
    ciLowPct: null,
    ciHighPct: null,
    weight: null,
    indirect: false,
    via: null,
  };
}

const pooledRow: SynthesisRow = {
  runtime: "kata-qemu",
  variant: null,
  category: "cpu",
  k: 2,
  pooledPct: 12,
  ciLowPct: 2,
  ciHighPct: 23,
  i2: 0.4,
  tau2: 0.001,
  indirect: false,
  leftOut: 1,
  studies: [study(0.1, 0.01), study(0.12, 0.02), study(0.3, null)],
  estimate: { logRatio: 0.11, variance: 0.002, df: 1 },
};

/** Every study has n = 1: nothing pooled, and the heatmap shows the geometric mean of their ratios. */
const unpooledRow: SynthesisRow = {
  ...pooledRow,
  runtime: "runsc-ptrace",
  k: 0,
  pooledPct: null,
  ciLowPct: null,
  ciHighPct: null,
  i2: null,
  tau2: null,
  leftOut: 2,
  studies: [study(Math.log(1.2), null), study(Math.log(1.8), null)],
  estimate: null,
};

const synthesis: Synthesis = { baseline: "runc", method: "m", rows: [pooledRow, unpooledRow] };

describe("GET /api/synthesis body", () => {
  it("gives each row's pooled value and study count, and the studies only when asked", () => {
    const without = synthesisJson(synthesis, { withStudies: false });
    expect(without.rows[0]).toEqual({
      runtime: "kata-qemu",
      variant: null,
      category: "cpu",
      k: 2,
      pooledPct: 12,
      ciLowPct: 2,
      ciHighPct: 23,
      i2: 0.4,
      tau2: 0.001,
      indirect: false,
      leftOut: 1,
      studyCount: 3,
      unpooledPct: null,
    });
    const withStudies = synthesisJson(synthesis, { withStudies: true });
    expect(withStudies.rows.map((r) => r.studies)).toEqual([pooledRow.studies, unpooledRow.studies]);
    // The same rows either way, the studies last, as the README lists the fields.
    expect(withStudies.rows.map(({ studies: _s, ...r }) => r)).toEqual(without.rows);
    expect(Object.keys(withStudies.rows[0]!).at(-1)).toBe("studies");
    expect(JSON.stringify(without)).not.toContain("estimate");
  });

  it("writes the same text as JSON.stringify of the body, from row texts kept per row", () => {
    for (const withStudies of [false, true]) {
      const text = synthesisJsonText(synthesis, { withStudies });
      expect(text).toBe(JSON.stringify(synthesisJson(synthesis, { withStudies })));
      // A selection of the same row objects (a runtime filter) reuses their texts: same text.
      const one = { ...synthesis, rows: [unpooledRow] };
      expect(synthesisJsonText(one, { withStudies })).toBe(JSON.stringify(synthesisJson(one, { withStudies })));
    }
    const empty = { ...synthesis, rows: [] };
    expect(JSON.parse(synthesisJsonText(empty, { withStudies: false }))).toEqual({
      baseline: "runc",
      method: "m",
      rows: [],
    });
  });

  it("carries the heatmap's unpooled value where no study has a variance", () => {
    const [, row] = synthesisJson(synthesis, { withStudies: false }).rows;
    expect(row!.pooledPct).toBeNull();
    expect(row!.unpooledPct).toBeCloseTo((Math.sqrt(1.2 * 1.8) - 1) * 100, 10);
  });
});

describe("studies parameter", () => {
  const load = (raw: Record<string, string>) => loadSynthesisApiFilters(raw);

  it("lists the studies by default only when the link picks runtimes or categories", () => {
    const lists = (raw: Record<string, string>) => {
      const { studies, ...filters } = load(raw);
      return listsStudies(studies, filters);
    };
    expect(lists({})).toBe(false);
    expect(lists({ runtime: "kata-qemu" })).toBe(true);
    expect(lists({ category: "cpu" })).toBe(true);
    expect(lists({ studies: "1" })).toBe(true);
    expect(lists({ runtime: "kata-qemu", category: "cpu", studies: "0" })).toBe(false);
  });

  it("names an unreadable value", () => {
    expect(unreadableStudies({ studies: "0" })).toEqual([]);
    expect(unreadableStudies({})).toEqual([]);
    expect(unreadableStudies({ studies: "all" })).toEqual([
      { param: "studies", message: expect.stringContaining('"all"') },
    ]);
    expect(load({ studies: "all" }).studies).toBeNull();
  });
});
