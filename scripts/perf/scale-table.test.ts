import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readBenchRecord, type BenchRecord } from "./bench-record";
import { int, mb, ms, pct } from "./report";
import { scaleTable } from "./scale-table";

// Results of real `bench:perf --json` runs (__fixtures__/bench-perf/commands.md has the commands).
const FIXTURES = join(import.meta.dirname, "__fixtures__", "bench-perf");
const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json"))
  .sort();
const records = files.map((f) => readBenchRecord(join(FIXTURES, f)));

/** The table's cells in the row whose label starts with `label`, one per database. */
function cells(table: string, label: string): string[] {
  const line = table.split("\n").find((l) => l.trimStart().startsWith(label));
  if (!line) throw new Error(`no row "${label}" in\n${table}`);
  return line.trim().slice(label.length).trim().split(/ {2,}/);
}

describe("scaleTable on real bench:perf results", () => {
  it("has results of at least two database sizes to compare", () => {
    expect(new Set(records.map((r) => r.database.samples)).size).toBeGreaterThanOrEqual(2);
  });

  it("puts one column per database, smallest first, whatever the order given", () => {
    const table = scaleTable([...records].reverse());
    const sorted = [...records].sort((a, b) => a.database.samples - b.database.samples);
    expect(cells(table, "samples")).toEqual(sorted.map((r) => int(r.database.samples)));
    expect(cells(table, "database engine")).toEqual(
      sorted.map((r) => (r.database.engine === "postgres" ? "PostgreSQL" : "SQLite")),
    );
    expect(cells(table, "database bytes per sample")).toEqual(
      sorted.map((r) => (r.database.bytes / r.database.samples).toFixed(0)),
    );
  });

  it("shows each section's figures as bench:perf measured them", () => {
    const sorted = [...records].sort((a, b) => a.database.samples - b.database.samples);
    const table = scaleTable(records);
    const b = sorted.map((r) => r.sections.b!);
    expect(cells(table, "b. API p50 / p99, cache on (permalink)").slice(0, -1)).toEqual(
      b.map((s) => `${ms(s.cacheOn.load.p50Ms)} / ${ms(s.cacheOn.load.p99Ms)}`),
    );
    expect(cells(table, `b. API p50 / p99, ${b[0]!.views} permalinks in turn`)[0]).toBe(
      `${ms(b[0]!.cacheOn.inTurn!.p50Ms)} / ${ms(b[0]!.cacheOn.inTurn!.p99Ms)}`,
    );
    expect(cells(table, "b. API one request alone, cache off").slice(0, -1)).toEqual(
      b.map((s) => ms(s.cacheOff.alone!.p50Ms)),
    );
    expect(cells(table, "a. ingestion real/limit").slice(0, -1)).toEqual(sorted.map((r) => pct(r.sections.a!.ratio)));
    expect(cells(table, "server RSS after the load, API on / off").slice(0, -1)).toEqual(
      b.map((s) => `${mb(s.cacheOn.rssAfterLoadBytes!)} / ${mb(s.cacheOff.rssAfterLoadBytes!)}`),
    );
    expect(cells(table, "bench:perf runtime (sections run)").slice(0, -1)).toEqual(
      sorted.map((r) => `${(r.runtimeSeconds / 60).toFixed(1)} min (${r.options.sections})`),
    );
  });

  it("lists each run's missed targets, as bench:perf judged them", () => {
    const table = scaleTable(records);
    for (const r of records) {
      const lines = table.split("\n");
      const at = lines.findIndex((l) => l.startsWith(`  ${r.database.path} `));
      expect(lines[at]).toContain(`exit status ${r.exitStatus}`);
      const missed = r.targets.filter((x) => !x.met);
      expect(lines.slice(at + 1, at + 1 + missed.length)).toEqual(
        missed.map((t) => `    ${t.section}. ${t.name} (${t.measured})`),
      );
      if (missed.length === 0) expect(lines[at]).toContain("every target met");
    }
  });

  it("shows a section a run left out as a dash, and a load with no answer as a timeout", () => {
    const partial = structuredClone(records[0]!) as BenchRecord;
    delete partial.sections.e;
    partial.sections.b!.cacheOff.load.ok = 0;
    const table = scaleTable([partial]);
    expect(cells(table, "e. synthesis p50 / p99, cache on")[0]).toBe("–");
    expect(cells(table, "b. API p50 / p99, cache off")[0]).toMatch(/ \/ timeout$/);
  });

  it("shows no figure for one request alone from a record written before it was timed that way", () => {
    const older = structuredClone(records[0]!) as BenchRecord;
    delete older.sections.b!.cacheOff.alone;
    expect(cells(scaleTable([older]), "b. API one request alone, cache off")[0]).toBe("–");
  });
});

describe("readBenchRecord", () => {
  const dir = mkdtempSync(join(tmpdir(), "hvscope-bench-record-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names the file when it is not JSON", () => {
    const path = join(dir, "log.txt");
    writeFileSync(path, "> hvscope@0.1.0 bench:perf\n");
    expect(() => readBenchRecord(path)).toThrow(`${path}: not a bench:perf JSON result`);
  });

  it("names the field a result lacks", () => {
    const path = join(dir, "no-samples.json");
    const record = structuredClone(records[0]!) as unknown as { database: Partial<BenchRecord["database"]> };
    delete record.database.samples;
    writeFileSync(path, JSON.stringify(record));
    expect(() => readBenchRecord(path)).toThrow(`${path}: field database.samples: expected a number`);
  });
});
