import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCK_ERROR } from "@/scripts/reliability/hammer";
import { openAppDb, type AppDb } from "@/db/app-db";
import { join } from "node:path";
import { bundledFolders, importBundledData } from "@/db/ingest/bundled-data";
import { importPaths } from "@/db/ingest/import-paths";
import type { Db } from "@/db/open";
import { pgStore } from "@/db/store";
import { tablesOf } from "@/db/tables";
import { decodeStudies, encodeStudies } from "@/lib/synthesis/stored-studies";
import { createPgTestDb, PG_TEST_URL, warnIfNoPg, type PgTestDb } from "@/test/pg-test-db";
import { importPublicDatasets } from "@/test/public-datasets";
import { createTestDb } from "@/test/test-db";
import { listImports } from "./facets";
import { readHostFingerprints } from "./host-fingerprints";
import { readHostSummary } from "./host-summary-read";
import { fillLatestStudies, hostsOfImport, loadStudies, studiesFromSummary } from "./host-studies";

const BUNDLED = join(import.meta.dirname, "..", "..", "data", "bundled");
import { readPooling } from "./synthesis";

warnIfNoPg("db/queries/host-studies.test.ts");

const storedRows = async (db: Db) => (await db.select().from(tablesOf(db).hostStudies)).length;

/** Every runtime of any host: each is some view's baseline. */
async function allRuntimes(db: Db): Promise<string[]> {
  const { series } = tablesOf(db);
  return [...new Set((await db.selectDistinct({ r: series.runtimeId }).from(series)).map((r) => r.r))].sort();
}

/**
 * Pools every baseline with and without indirect evidence twice, first computing each host's
 * studies from its summary (and storing them), then from the stored rows, at the latest data and
 * pinned to the first import: the same synthesis both times.
 */
async function expectSamePoolingFromStored(db: Db) {
  const runtimes = await allRuntimes(db);
  expect(runtimes.length).toBeGreaterThan(3);
  const first = (await listImports(db)).at(-1)!.id;
  expect(await storedRows(db)).toBe(0);
  const computed = [];
  for (const asof of [null, first])
    for (const baseline of runtimes)
      for (const indirect of [true, false]) computed.push(await readPooling(db, baseline, asof, indirect));
  expect(computed[0]!.computedHosts).toBe(computed[0]!.hosts);
  expect(computed[0]!.hosts).toBeGreaterThan(1);
  const rows = await storedRows(db);
  expect(rows).toBeGreaterThan(computed[0]!.hosts);
  let i = 0;
  for (const asof of [null, first])
    for (const baseline of runtimes)
      for (const indirect of [true, false]) {
        const stored = await readPooling(db, baseline, asof, indirect);
        expect(stored.computedHosts, `${baseline} asof=${asof} indirect=${indirect}`).toBe(0);
        expect({ ...stored, computedHosts: null }, `${baseline} asof=${asof} indirect=${indirect}`).toEqual({
          ...computed[i++],
          computedHosts: null,
        });
      }
  expect(await storedRows(db)).toBe(rows);
  // The pooling reads the stored rows: what they hold is what it pools.
  const { hostStudies } = tablesOf(db);
  const before = await readPooling(db, runtimes[0]!, null, false);
  await db.update(hostStudies).set({ studiesJson: "[]" });
  const emptied = await readPooling(db, runtimes[0]!, null, false);
  expect(emptied.synthesis.rows).toEqual([]);
  expect(before.synthesis.rows.length).toBeGreaterThan(0);
  await db.delete(hostStudies);
}

describe("host studies stored per fingerprint (db/queries/host-studies.ts)", () => {
  const conn = createTestDb();
  beforeAll(async () => {
    // One import per runtime's folder: the bundled host changes with each.
    for (const runtime of ["runc", "crun", "runsc-ptrace"]) await importPaths(conn, [join(BUNDLED, runtime)]);
    await importPublicDatasets(conn);
  }, 120_000);
  afterAll(() => conn.cleanup());

  it("reads back every host's studies against every runtime equal to the computed ones", async () => {
    const fingerprints = await readHostFingerprints(conn.db, null);
    let studies = 0;
    for (const key of fingerprints.byHost.keys()) {
      const [dataset, host] = JSON.parse(key) as [string, string];
      const summary = await readHostSummary(conn.db, dataset, host, null);
      for (const [reference, computed] of studiesFromSummary(summary, { dataset, host }, summary.runtimes)) {
        if (computed === null) continue;
        studies += computed.length;
        expect(decodeStudies(encodeStudies(computed)), `${key} against ${reference}`).toEqual(computed);
      }
    }
    expect(studies).toBeGreaterThan(50);
  });

  it("keeps numbers JSON has no text for", async () => {
    const summary = await readHostSummary(
      conn.db,
      "gvisor-website",
      (await hostsOf(conn.db, "gvisor-website"))[0]!,
      null,
    );
    const [study] = [
      ...studiesFromSummary(summary, { dataset: "gvisor-website", host: "h" }, summary.runtimes).values(),
    ]
      .flatMap((s) => s ?? [])
      .slice(0, 1);
    // A df is Infinity when neither side varies (lib/overhead/log-ratio.ts satterthwaiteDf).
    const unusual = [
      { ...study!, df: Infinity },
      { ...study!, logRatio: -0, variance: NaN },
      { ...study!, logRatio: -Infinity, version: "Infinity" },
    ];
    expect(decodeStudies(encodeStudies(unusual))).toEqual(unusual);
  });

  it("pools the same synthesis from stored studies as from computed ones, on SQLite", async () => {
    await expectSamePoolingFromStored(conn.db);
  });

  it("fills the hosts an import wrote, against every runtime, and keeps only their latest fingerprint", async () => {
    const all = await fillLatestStudies(conn.db, null);
    expect(all.computedHosts).toBe(all.hosts);
    expect(all.storedRows).toBeGreaterThan(all.hosts);
    expect(await fillLatestStudies(conn.db, null)).toMatchObject({ computedHosts: 0, storedRows: 0, prunedRows: 0 });
    const before = (await listImports(conn.db))[0]!.id;
    const pinned = await readPooling(conn.db, "runc", before, true);
    expect(pinned.computedHosts).toBe(0);

    const { importId } = await importPaths(conn, [join(BUNDLED, "bare-metal")]);
    const written = await hostsOfImport(conn.db, importId!);
    expect(written).toHaveLength(1);
    const runtimes = (await readHostSummary(conn.db, written[0]!.dataset, written[0]!.host, null)).runtimes;
    const rowsBefore = await storedRows(conn.db);
    const filled = await fillLatestStudies(conn.db, written);
    expect(filled).toEqual({
      hosts: 1,
      computedHosts: 1,
      storedRows: runtimes.length,
      prunedRows: runtimes.length - 1,
    });
    expect(await storedRows(conn.db)).toBe(rowsBefore + 1);
    expect((await readPooling(conn.db, "runc", null, true)).computedHosts).toBe(0);
    // The pinned view's rows of that host were pruned: it computes them again, and pools the same.
    const again = await readPooling(conn.db, "runc", before, true);
    expect(again.computedHosts).toBe(1);
    expect({ ...again, computedHosts: 0 }).toEqual(pinned);
  });

  it("prunes a host's older rows when the server pools its latest data after an import (an upload)", async () => {
    const rows = await storedRows(conn.db);
    const name = "gvisor-website";
    const [host] = await hostsOf(conn.db, name);
    const held = (await readHostSummary(conn.db, name, host!, null)).runtimes.length;
    // Another import of files already stored in another dataset: new rows for this host, as an upload writes them.
    const { importId, imported } = await importPaths(conn, [join(BUNDLED, "runc")], { dataset: name, host });
    expect(imported).toBeGreaterThan(0);
    expect(await hostsOfImport(conn.db, importId!)).toEqual([{ dataset: name, host }]);
    const pooled = await readPooling(conn.db, "runc", null, true);
    expect(pooled.computedHosts).toBe(1);
    const now = (await readHostSummary(conn.db, name, host!, null)).runtimes.length;
    expect(await storedRows(conn.db)).toBe(rows - held + now);
  });
});

describe("host studies while another process holds SQLite's write lock", () => {
  const conn = createTestDb();
  beforeAll(() => importPaths(conn, [join(BUNDLED, "runc")]), 60_000);
  afterAll(() => conn.cleanup());

  it("waits a moment, says an import holds the database in words the lock checks do not flag, and stores later", async () => {
    const fingerprints = await readHostFingerprints(conn.db, null);
    const hosts = [...fingerprints.byHost.keys()].map((k) => {
      const [dataset, host] = JSON.parse(k) as [string, string];
      return { dataset, host };
    });
    const readSummary = (h: { dataset: string; host: string }) => readHostSummary(conn.db, h.dataset, h.host, null);
    const importer = new Database(conn.path);
    const lines: string[] = [];
    try {
      importer.exec("BEGIN IMMEDIATE");
      const held = await loadStudies(conn.db, fingerprints, hosts, ["runc"], new Map(), {
        readSummary,
        log: (line) => lines.push(line),
      });
      expect(held.storedRows).toBe(0);
      importer.exec("ROLLBACK");
    } finally {
      importer.close();
    }
    expect(lines).toEqual([
      expect.stringMatching(/another process is importing; they are stored at the next pooling$/),
    ]);
    expect(lines.filter((l) => LOCK_ERROR.test(l))).toEqual([]);
    const later = await loadStudies(conn.db, fingerprints, hosts, ["runc"], new Map(), { readSummary });
    expect(later.storedRows).toBeGreaterThan(0);
  });
});

async function hostsOf(db: Db, dataset: string) {
  const fingerprints = await readHostFingerprints(db, null);
  return [...fingerprints.byHost.keys()]
    .map((k) => JSON.parse(k) as [string, string])
    .filter(([d]) => d === dataset)
    .map(([, h]) => h);
}

describe.skipIf(!PG_TEST_URL)("host studies stored per fingerprint, on PostgreSQL", () => {
  let pg: PgTestDb;
  let app: AppDb;
  beforeAll(async () => {
    pg = await createPgTestDb();
    await importBundledData(pgStore(pg), bundledFolders());
    app = openAppDb({ kind: "postgres", url: pg.url, label: "test" });
    await app.ready();
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await pg?.cleanup();
  });

  it("pools the same synthesis from stored studies as from computed ones", async () => {
    await expectSamePoolingFromStored(app.db);
  });

  it("fills every host's studies from a CLI's handle, and a second fill finds them stored", async () => {
    const db = pgStore(pg).db;
    const all = await fillLatestStudies(db, null);
    expect(all.computedHosts).toBe(all.hosts);
    expect(all.storedRows).toBeGreaterThan(all.hosts);
    expect(await fillLatestStudies(db, null)).toMatchObject({ computedHosts: 0, storedRows: 0 });
  });
});
