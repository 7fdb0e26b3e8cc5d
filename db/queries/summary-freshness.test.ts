import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importPaths } from "@/db/ingest/import-paths";
import { openDb, type OpenDb } from "@/db/open";
import type * as HostSummaryModule from "@/lib/overhead/host-summary";
import { loadFilters, loadSynthesisFilters } from "@/lib/search-params";
import { prepareFixtures, runtimesFor, writeHostCorpus } from "@/scripts/perf/synthetic-corpus";
import { createTestDb } from "@/test/test-db";
import { getExploreData } from "./explore";
import { listImports, newestImportId } from "./facets";
import { getHostSummary } from "./series";
import { getSynthesisData } from "./synthesis";
import { keepSummariesWarm } from "./warm-summaries";

// Counts summaries built, to tell a summary read ahead from one read by the call that asks for it.
const { summariesBuilt } = vi.hoisted(() => ({ summariesBuilt: { count: 0 } }));
vi.mock("@/lib/overhead/host-summary", async (importOriginal) => {
  const original = await importOriginal<typeof HostSummaryModule>();
  return {
    ...original,
    summarizeHost: (...args: Parameters<typeof original.summarizeHost>) => {
      summariesBuilt.count++;
      return original.summarizeHost(...args);
    },
  };
});

const HOST = "synthetic-host-1";
const CHANGED = "synthetic-fresh-0";
const UNTOUCHED = "synthetic-fresh-1";
const view = (query: string) => loadFilters(new URLSearchParams(query));
const synthesisView = (query: string) => loadSynthesisFilters(new URLSearchParams(query));
const samplesShown = (rows: { n: number }[]) => rows.reduce((total, r) => total + r.n, 0);

// Summaries outlive imports that do not change their host (db/queries/read-cache.ts
// cacheUntilInputsChange): an import through another connection, as by `npm run ingest` beside a
// running server, must still show in the next unpinned view, and leave pinned views as they were.
describe("host summaries across an import through another connection", () => {
  const conn = createTestDb();
  const corpus = mkdtempSync(join(tmpdir(), "hvscope-summary-freshness-"));
  const { usable } = prepareFixtures(7);
  const seen = new Set<string>();
  const writeCorpus = (dir: string, dataset: string, seed: number) =>
    writeHostCorpus({
      dir: join(corpus, dir),
      dataset,
      host: HOST,
      runtimes: runtimesFor(seed, 7).slice(0, 3),
      repetitions: 2,
      fixtures: usable.slice(0, 12),
      seed,
      seen,
    });
  let other: OpenDb;
  let firstImport: number;

  beforeAll(async () => {
    writeCorpus("a0", CHANGED, 1);
    writeCorpus("a1", UNTOUCHED, 2);
    const first = await importPaths(conn, [join(corpus, "a0"), join(corpus, "a1")]);
    expect(first.failed).toEqual([]);
    firstImport = first.importId!;
    other = openDb(conn.path);
  }, 60_000);
  afterAll(() => {
    other.close();
    conn.cleanup();
    rmSync(corpus, { recursive: true, force: true });
  });

  it("shows the new samples to the next unpinned view, re-reads only the host they changed, and keeps pinned views", async () => {
    const pinned = `dataset=${CHANGED}&asof=${firstImport}`;
    const before = await getExploreData(conn.db, view(`dataset=${CHANGED}`));
    const pinnedBefore = structuredClone(await getExploreData(conn.db, view(pinned)));
    const synthesisPinnedBefore = structuredClone(
      await getSynthesisData(conn.db, synthesisView(`asof=${firstImport}`)),
    );
    const changedSummary = await getHostSummary(conn.db, CHANGED, HOST, null);
    const untouchedSummary = await getHostSummary(conn.db, UNTOUCHED, HOST, null);
    const pinnedSummary = await getHostSummary(conn.db, CHANGED, HOST, firstImport);
    expect((await listImports(conn.db)).map((i) => i.id)).toEqual([firstImport]);

    writeCorpus("b0", CHANGED, 3); // more repetitions of the same series, under the same labels
    const second = await importPaths(other, [join(corpus, "b0")]);
    expect(second.failed).toEqual([]);
    expect(second.importId).toBeGreaterThan(firstImport);

    const after = await getExploreData(conn.db, view(`dataset=${CHANGED}`));
    expect(samplesShown(after.table.rows)).toBeGreaterThan(samplesShown(before.table.rows));
    // The same as a connection that never cached anything computes.
    const fresh = openDb(conn.path);
    try {
      expect(after.table).toEqual((await getExploreData(fresh.db, view(`dataset=${CHANGED}`))).table);
      const synthesis = await getSynthesisData(conn.db, synthesisView(""));
      expect(synthesis.synthesis).toEqual((await getSynthesisData(fresh.db, synthesisView(""))).synthesis);
      expect(synthesis.latestImport).toBe(second.importId);
      // The import list read before the import is not served again.
      expect((await listImports(conn.db)).map((i) => i.id)).toEqual([second.importId, firstImport]);
      // An import that stored nothing (every file already there) pins nothing.
      const nothingNew = await importPaths(other, [join(corpus, "b0")]);
      expect(nothingNew.imported).toBe(0);
      expect(await newestImportId(conn.db)).toBe(second.importId);
      expect((await listImports(conn.db)).map((i) => i.id)).toEqual([second.importId, firstImport]);
    } finally {
      fresh.close();
    }
    expect(await getHostSummary(conn.db, CHANGED, HOST, null)).not.toBe(changedSummary);
    expect(await getHostSummary(conn.db, UNTOUCHED, HOST, null)).toBe(untouchedSummary);
    expect(await getHostSummary(conn.db, CHANGED, HOST, firstImport)).toBe(pinnedSummary);
    expect(await getExploreData(conn.db, view(pinned))).toEqual(pinnedBefore);
    const synthesisPinnedAfter = await getSynthesisData(conn.db, synthesisView(`asof=${firstImport}`));
    expect(synthesisPinnedAfter.synthesis).toEqual(synthesisPinnedBefore.synthesis);
  });

  it("reads the changed host ahead of requests once it notices an import", async () => {
    const lines: string[] = [];
    const stop = keepSummariesWarm(conn.db, (line) => lines.push(line));
    try {
      await expect.poll(() => lines.length, { timeout: 10_000 }).toBe(1);
      const builtBeforeImport = summariesBuilt.count;
      const warmed = await getHostSummary(conn.db, CHANGED, HOST, null);
      writeCorpus("c0", CHANGED, 4);
      expect((await importPaths(other, [join(corpus, "c0")])).failed).toEqual([]);
      await expect.poll(() => lines.length, { timeout: 10_000 }).toBe(2);
      expect(summariesBuilt.count).toBe(builtBeforeImport + 1);
      expect(lines).toEqual([
        expect.stringMatching(/^\[summaries\] 2 hosts/),
        expect.stringMatching(/^\[summaries\] 2 hosts/),
      ]);
      // Read by the watcher, not by this call, and only the host the import changed.
      const built = summariesBuilt.count;
      const reread = await getHostSummary(conn.db, CHANGED, HOST, null);
      await getHostSummary(conn.db, UNTOUCHED, HOST, null);
      expect(summariesBuilt.count).toBe(built);
      expect(reread).not.toBe(warmed);
    } finally {
      stop();
    }
  });
});
