import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { importPaths } from "@/db/ingest/import-paths";
import { countRows, createTestDb } from "@/test/test-db";
import { labelFile } from "@/lib/ingest/labels";
import { passOverReason } from "@/lib/ingest/not-measurement";
import { planFile } from "@/lib/ingest/plan";
import { checkEveryParser, PARSES_PER_INPUT } from "./__test__/fuzz-check";
import {
  allFixtures,
  binary,
  byteMutated,
  cut,
  inserted,
  longLines,
  numberMutated,
  oversized,
  reEncoded,
  truncated,
  type FixtureBytes,
  type FuzzCase,
} from "./__test__/fuzz-inputs";
import { ParseError, TOOL_IDS } from "./types";

// Property tests: every parser, fed damaged versions of every real fixture, returns finite samples
// or throws a ParseError, within a time budget. FUZZ_SEED replays a run; FUZZ_RUNS=N multiplies the
// number of random inputs for a longer local search (the CI default stays well under a minute).

const SEED = Number(process.env.FUZZ_SEED ?? 7);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
/**
 * Time allowed per parse: two seconds of slack, far more than a real fixture needs, absorb
 * garbage-collection pauses and a machine busy with other work. Plus 4 ms per KB, which a linear
 * parser meets with a wide margin even when the machine is loaded, while a quadratic one blows
 * through it (the timings: docs/performance.md).
 */
const budget = (c: FuzzCase) => Math.round(2000 + (4 * c.bytes.length) / 1024);
/** FUZZ_RUNS multiplies the work, so the time limit of each test grows with it. */
const TEST_TIMEOUT = 60_000 * Math.max(1, SCALE);
const BIG_SIZE = 2 * 1024 * 1024;
const LONG_LINE_SIZE = 512 * 1024;

const all = allFixtures();
/** Captured fixtures: the issue-N regression fixtures are damaged copies already (and one is 0.5 MB). */
const fixtures = all.filter((f) => !f.name.startsWith("issue-"));
const tried = { random: 0, encodings: 0, oversized: 0, ingested: 0 };

function expectClean(c: FuzzCase): void {
  const problems = checkEveryParser(c, budget(c));
  if (problems.length > 0) throw new Error(problems.join("\n\n"));
}

const MUTATIONS: [string, (f: FixtureBytes) => fc.Arbitrary<FuzzCase>, number][] = [
  ["truncated (head -c)", truncated, 1200],
  ["byte-mutated", byteMutated, 1500],
  ["with an inserted token", inserted, 1500],
  ["with a range cut out", cut, 800],
  ["with an extreme number", numberMutated, 1500],
  ["binary (random bytes, NULs)", binary, 500],
];

// After both describes, so the count includes the files fed through ingest.
afterAll(() => {
  const total = tried.random + tried.encodings + tried.oversized;
  console.log(
    `fuzz: ${total + tried.ingested} inputs tried (${tried.random} random, ${tried.encodings} empty/re-encoded, ${tried.oversized} oversized, ` +
      `${tried.ingested} through ingest) from ${fixtures.length} fixtures, ${total * (PARSES_PER_INPUT + 1)} parser calls, seed ${SEED}`,
  );
});

describe("parser fuzzing", () => {
  it.each(MUTATIONS)(
    "survives fixtures %s",
    (_, mutate, runs) => {
      const property = fc.property(fc.constantFrom(...fixtures).chain(mutate), (c) => {
        tried.random++;
        expectClean(c);
      });
      fc.assert(property, { seed: SEED, numRuns: Math.round(runs * SCALE) });
    },
    TEST_TIMEOUT,
  );

  it(
    "survives every fixture empty, blank or wrongly encoded (UTF-16, Latin-1, BOM, CR line ends)",
    () => {
      for (const f of fixtures)
        for (const c of reEncoded(f)) {
          tried.encodings++;
          expectClean(c);
        }
    },
    TEST_TIMEOUT,
  );

  it(
    "reads a fixture repeated to 2 MB, as one long line, or blanked, in linear time, for every tool",
    () => {
      // The largest fixture of each tool, so each parser's main loop sees a long input of its own format.
      const largest = TOOL_IDS.map(
        (tool) => fixtures.filter((f) => f.tool === tool).sort((a, b) => b.bytes.length - a.bytes.length)[0],
      );
      for (const f of largest) {
        if (!f) continue;
        const c = oversized(f, BIG_SIZE);
        expect(c.bytes.length).toBeGreaterThanOrEqual(BIG_SIZE);
        for (const big of [c, ...longLines(f, LONG_LINE_SIZE)]) {
          tried.oversized++;
          expectClean(big);
        }
      }
    },
    3 * TEST_TIMEOUT,
  );
});

describe("ingest of damaged files", () => {
  const fixture = (id: string) => all.find((f) => `${f.tool}/${f.name}` === id)!;
  const sample = (arb: fc.Arbitrary<FuzzCase>) => fc.sample(arb, { numRuns: 1, seed: SEED })[0]!;

  /** Writes a case under runc/ in its own folder and imports it; returns the summary. */
  async function ingestCase(conn: ReturnType<typeof createTestDb>, dir: string, c: FuzzCase, i: number) {
    const folder = join(dir, `case-${i}`, "runc");
    mkdirSync(folder, { recursive: true });
    const path = join(folder, c.fileName);
    writeFileSync(path, c.bytes);
    tried.ingested++;
    let planError: unknown;
    try {
      planFile(c.bytes.toString("utf8"), c.fileName, labelFile(path, join(dir, `case-${i}`), { dataset: "fuzz" }));
    } catch (e) {
      planError = e;
    }
    const summary = await importPaths(conn, [join(dir, `case-${i}`)], { dataset: "fuzz" });
    return { planError, summary };
  }

  function withDb(fn: (conn: ReturnType<typeof createTestDb>, dir: string) => Promise<void>) {
    return async () => {
      const conn = createTestDb();
      const dir = mkdtempSync(join(tmpdir(), "hvscope-fuzz-"));
      try {
        await fn(conn, dir);
      } finally {
        conn.cleanup();
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }

  it(
    "rejects a truncated, empty, UTF-16, overflowing or NUL-ridden file (fails it or passes it over) and writes nothing of it",
    withDb(async (conn, dir) => {
      const good = await ingestCase(
        conn,
        dir,
        { from: "ping/loopback-5.txt", fileName: "ping.txt", bytes: fixture("ping/loopback-5.txt").bytes, how: "cat" },
        0,
      );
      expect(good.summary).toMatchObject({ imported: 1, failed: [] });
      const before = countRows(conn);
      const head = (id: string, n?: number): FuzzCase => ({
        from: id,
        fileName: id.split("/")[1]!,
        bytes: fixture(id).bytes.subarray(0, n),
        how: n === undefined ? `cat ${id}` : `head -c ${n} ${id}`,
      });
      const recoded = (id: string, how: string) => reEncoded(fixture(id)).find((c) => c.how.startsWith(how))!;
      const bad: FuzzCase[] = [
        head("fio/randread-4k.json", 4000),
        head("ab/nginx-n2000-c16.txt", 700),
        head("hyperfine/issue-7-3.json"), // a run time that overflows ns
        recoded("ping/loopback-5.txt", "iconv -f utf-8 -t utf-16le"),
        recoded("sysbench/cpu.txt", ": >"),
        sample(binary(fixture("sysbench/cpu.txt")).filter((c) => c.bytes.includes(0))),
      ];
      for (const [i, c] of bad.entries()) {
        const { planError, summary } = await ingestCase(conn, dir, c, i + 1);
        expect(planError, c.how).toBeInstanceOf(ParseError);
        // Empty and binary files (UTF-16 has NUL bytes) are passed over before any parser sees them.
        const passOver = passOverReason(Buffer.from(c.bytes));
        expect(summary, c.how).toMatchObject(
          passOver
            ? { files: 1, imported: 0, failed: [], passedOver: [{ reason: passOver.reason }] }
            : { files: 1, imported: 0, failed: [{ error: (planError as Error).message }], passedOver: [] },
        );
        expect(countRows(conn), c.how).toEqual(before);
      }
      expect(bad.slice(3, 5).map((c) => passOverReason(Buffer.from(c.bytes))?.kind)).toEqual(["binary", "empty"]);
    }),
  );

  it(
    "imports a randomly damaged file whole or not at all",
    withDb(async (conn, dir) => {
      let i = 0;
      const anyDamage = fc
        .constantFrom(...fixtures.filter((f) => f.tool !== "table"))
        .chain((f) => fc.oneof(truncated(f), byteMutated(f), inserted(f), numberMutated(f)));
      await fc.assert(
        fc.asyncProperty(anyDamage, async (c) => {
          const before = countRows(conn);
          const { planError, summary } = await ingestCase(conn, dir, c, i++);
          const after = countRows(conn);
          if (planError !== undefined || summary.imported === 0) {
            if (planError !== undefined) expect(planError, c.how).toBeInstanceOf(ParseError);
            expect(after, c.how).toEqual(before);
          } else {
            expect(after.source_files, c.how).toBe((before.source_files ?? 0) + 1);
            expect(after.samples, c.how).toBe((before.samples ?? 0) + summary.samples);
          }
        }),
        { seed: SEED, numRuns: Math.round(60 * SCALE) },
      );
    }),
    2 * TEST_TIMEOUT,
  );
});
