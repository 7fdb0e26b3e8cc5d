import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { detectParser } from "@/lib/parsers";
import { goodFixtures } from "@/lib/parsers/__test__/good-fixtures";
import { LIMIT_ROWS_PER_INSERT, sampleInserts } from "./ingest-limit-pg";

/** The samples of the fixture with the most of them, parsed as the limit loop parses every file. */
function largestFixtureSamples() {
  const parsed = goodFixtures().map((f) => {
    const raw = readFileSync(f.path, "utf8");
    return detectParser(raw, basename(f.path))!.parse(raw, { fileName: basename(f.path) }).samples;
  });
  return parsed.sort((a, b) => b.length - a.length)[0]!;
}

describe("sampleInserts (the PostgreSQL limit loop's statements)", () => {
  const samples = largestFixtureSamples();

  it("sends every sample once, in order, as (file, metric, value) with numbered parameters", () => {
    const [insert, ...rest] = sampleInserts(7, samples);
    expect(rest).toEqual([]);
    expect(insert!.text).toMatch(
      /^INSERT INTO samples \(file, metric, value\) VALUES \(\$1, \$2, \$3\), \(\$4, \$5, \$6\)/,
    );
    expect(insert!.text.match(/\(\$\d+, \$\d+, \$\d+\)/g)).toHaveLength(samples.length);
    expect(insert!.text).toMatch(
      new RegExp(`\\(\\$${3 * samples.length - 2}, \\$${3 * samples.length - 1}, \\$${3 * samples.length}\\)$`),
    );
    expect(insert!.values).toEqual(samples.flatMap((s) => [7, s.metric, s.value]));
  });

  it("splits a file into INSERTs of at most the given rows, each numbering its parameters from $1", () => {
    expect(samples.length).toBeGreaterThan(2);
    const size = Math.ceil(samples.length / 3);
    const inserts = sampleInserts(0, samples, size);
    expect(inserts.length).toBe(Math.ceil(samples.length / size));
    expect(inserts.flatMap((i) => i.values)).toEqual(samples.flatMap((s) => [0, s.metric, s.value]));
    for (const insert of inserts) {
      const tuples = insert.text.match(/\(\$\d+, \$\d+, \$\d+\)/g)!;
      expect(tuples.length).toBeLessThanOrEqual(size);
      expect(tuples[0]).toBe("($1, $2, $3)");
      expect(insert.values).toHaveLength(3 * tuples.length);
    }
  });

  it("stays under PostgreSQL's 65,535 parameters per statement, and sends nothing for a file without samples", () => {
    expect(3 * LIMIT_ROWS_PER_INSERT).toBeLessThan(65_535);
    expect(sampleInserts(0, [])).toEqual([]);
    expect(() => sampleInserts(0, samples, 0)).toThrow(/positive whole number/);
  });
});
