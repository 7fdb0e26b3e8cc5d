import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { listFixtures, readFixture } from "./fixtures";
import { TOOL_IDS, type ParseResult, type ParsedSample, type Parser, type ParserOptions, type ToolId } from "../types";

// Test support for the table-driven parser tests: each *.test.ts keeps its tables of fixtures and
// expected values, its parser-specific tests, and calls describeFixtureCases for the checks every
// parser shares.

/** Parses `__fixtures__/<tool>/<name>`, passing the fixture's own name as the file name. */
export function parseFixture(parser: Parser, tool: ToolId, name: string, options?: ParserOptions): ParseResult {
  return parser.parse(readFixture(tool, name), { fileName: name, options });
}

/**
 * Every sample's value under `<workload> <metric>`, plus `#<repetition>` when the sample has one,
 * so that one object literal states what a whole fixture yields. `metricOnly` keys by metric alone,
 * for reports with a single workload and no repetitions.
 */
export function sampleValues(
  result: { samples: readonly ParsedSample[] },
  { metricOnly = false }: { metricOnly?: boolean } = {},
): Record<string, number> {
  const key = (s: ParsedSample) =>
    metricOnly ? s.metric : `${s.workload.name} ${s.metric}${s.repetition === undefined ? "" : `#${s.repetition}`}`;
  return Object.fromEntries(result.samples.map((s) => [key(s), s.value]));
}

/** The samples of each run, under `<workload>#<repetition>` (plus ` @<runtime>` when a command names one), in file order. */
export function samplesByRun(result: { samples: readonly ParsedSample[] }): Map<string, ParsedSample[]> {
  const runs = new Map<string, ParsedSample[]>();
  for (const s of result.samples) {
    const key = `${s.workload.name}#${s.repetition}${s.runtimeInCommand ? ` @${s.runtimeInCommand}` : ""}`;
    runs.set(key, [...(runs.get(key) ?? []), s]);
  }
  return runs;
}

/** Asserts each expected value to `digits` decimal places; a failure names the key. */
export function expectCloseTo(got: Record<string, number>, expected: Record<string, number>, digits: number): void {
  for (const [key, value] of Object.entries(expected)) expect(got[key], key).toBeCloseTo(value, digits);
}

/** A `read` for rows `[fixture, values]`: the fixture's sampleValues include these exactly. */
export function matchValues(options?: { metricOnly?: boolean }) {
  return (result: ParseResult, [, expected]: readonly [string, Record<string, number>]) =>
    expect(sampleValues(result, options)).toMatchObject(expected);
}

/**
 * A `read` for rows `[fixture, workload, metrics]` of single-workload reports: every sample
 * belongs to `workload`, and each metric matches to `digits` decimal places.
 */
export function matchWorkloadMetrics(digits: number) {
  return (result: ParseResult, [, workload, expected]: readonly [string, string, Record<string, number>]) => {
    expect(new Set(result.samples.map((s) => s.workload.name))).toEqual(new Set([workload]));
    expectCloseTo(sampleValues(result, { metricOnly: true }), expected, digits);
  };
}

/**
 * Raw outputs published with the Firecracker NSDI'20 paper, bundled in the repository
 * (data/public/firecracker-nsdi2020, see its NOTICE).
 */
export const FIRECRACKER_RAW = resolve(import.meta.dirname, "../../../data/public/firecracker-nsdi2020/raw");

/** One file of FIRECRACKER_RAW, as text. */
export function readFirecrackerRaw(file: string): string {
  return readFileSync(join(FIRECRACKER_RAW, file), "utf8");
}

type GoodRow = readonly [fixture: string, ...expected: unknown[]];

export interface FixtureCases<Row extends GoodRow> {
  parser: Parser;
  tool: ToolId;
  /** Fixtures that parse, each with what it should yield. */
  good: readonly Row[];
  /** Asserts what one `good` row expects of its parse result. */
  read: (result: ParseResult, row: NoInfer<Row>) => void;
  /** Fixtures that must not parse, with the error message (a substring) or a pattern for it. */
  broken: readonly (readonly [fixture: string, error: string | RegExp])[];
  /** Fixtures only the test file's own tests parse: every other fixture must be a `good` or `broken` row. */
  testedElsewhere?: readonly string[];
  /**
   * This tool's fixtures that hold none of its output. By default those the fixture folders name
   * so: `empty.*` (empty input) and `wrong-tool*` (a copy of another tool's output).
   */
  notItsOutput?: readonly string[];
  /** Other tools' fixtures that are copies of this tool's output (`tool/name`): the parser rightly claims them. */
  copiesElsewhere?: readonly string[];
}

/**
 * The checks every parser's fixtures share: each good row is detected and read as its `read`
 * expects, each broken one is rejected with its message, no fixture is left without a case, and
 * detection goes by content: the parser claims its own outputs (broken ones included, so that
 * their parse error reaches the user) under any file name, and claims no empty input and no
 * other tool's output even under a file name that suggests this tool.
 */
export function describeFixtureCases<Row extends GoodRow>(cases: FixtureCases<Row>): void {
  const { parser, tool, good, read, broken, testedElsewhere = [], copiesElsewhere = [] } = cases;
  const notItsOutput = cases.notItsOutput ?? listFixtures(tool).filter((n) => /^(empty\.|wrong-tool)/.test(n));
  // The fixture's own name, a neutral one, and one that points at this tool: none may decide.
  const anyName = (name: string) => [name, "output.log", `${tool}.txt`];

  describe("fixture cases", () => {
    // A row that names a workload shows it in the title: one fixture may hold several workloads.
    const labelled = good.map((row): [string, Row] => [
      typeof row[1] === "string" ? `${row[0]} as ${row[1]}` : row[0],
      row,
    ]);
    it.each(labelled)("reads %s", (_, row) => {
      expect(parser.detect(readFixture(tool, row[0]), row[0])).toBe(true);
      read(parseFixture(parser, tool, row[0]), row);
    });

    it.each(broken)("rejects %s", (name, error) => {
      expect(() => parseFixture(parser, tool, name)).toThrow(error);
    });

    it("has a case for every fixture", () => {
      const named = [...good.map(([name]) => name), ...broken.map(([name]) => name), ...testedElsewhere];
      expect([...new Set(named)].sort()).toEqual(listFixtures(tool));
    });

    it("claims its own fixtures and copies of them, whatever the file name", () => {
      for (const name of listFixtures(tool)) {
        const own = !notItsOutput.includes(name);
        for (const fileName of anyName(name))
          expect(parser.detect(readFixture(tool, name), fileName), `${name} as ${fileName}`).toBe(own);
      }
      for (const copy of copiesElsewhere) {
        const [other, name] = copy.split("/") as [ToolId, string];
        expect(parser.detect(readFixture(other, name), name), copy).toBe(true);
      }
    });

    it("does not claim empty input or other tools' output, whatever the file name", () => {
      for (const fileName of ["x.txt", "x.json", "output.log", `${tool}.txt`, `${tool}.json`])
        expect(parser.detect("", fileName), fileName).toBe(false);
      for (const other of TOOL_IDS.filter((t) => t !== tool)) {
        for (const name of listFixtures(other).filter((n) => !copiesElsewhere.includes(`${other}/${n}`))) {
          for (const fileName of anyName(name))
            expect(parser.detect(readFixture(other, name), fileName), `${other}/${name} as ${fileName}`).toBe(false);
        }
      }
    });
  });
}

/** One metric of a result, sample by sample in file order: `[workload, repetition, value]`. */
export function metricRuns(result: ParseResult, metric: string): [string, number | undefined, number][] {
  return result.samples.filter((s) => s.metric === metric).map((s) => [s.workload.name, s.repetition, s.value]);
}

/**
 * What metricRuns should give for a log whose runs, in file order, measured these workloads and
 * values (both read from the fixture's text by the test): the n-th run of a workload is its
 * repetition n-1, and a workload run once has none.
 */
export function expectedRuns(workloads: readonly string[], values: readonly number[]) {
  expect(values).toHaveLength(workloads.length);
  const seen = new Map<string, number>();
  const runs = workloads.map((w) => {
    const repetition = seen.get(w) ?? 0;
    seen.set(w, repetition + 1);
    return repetition;
  });
  return workloads.map((w, i): [string, number | undefined, number] => [
    w,
    seen.get(w) === 1 ? undefined : runs[i],
    values[i]!,
  ]);
}

/** Every match of `re` (a `g` regex with one group) in `raw`, in order. */
export function allMatches(raw: string, re: RegExp): string[] {
  return [...raw.matchAll(re)].map((m) => m[1]!);
}

/** metricRuns against expectedRuns: workloads and repetitions exactly, values to `digits` decimal places. */
export function expectRunsCloseTo(
  got: readonly [string, number | undefined, number][],
  expected: readonly [string, number | undefined, number][],
  digits: number,
): void {
  expect(got.map(([w, r]) => [w, r])).toEqual(expected.map(([w, r]) => [w, r]));
  got.forEach(([w, r, v], i) => expect(v, `${w} #${r}`).toBeCloseTo(expected[i]![2], digits));
}
