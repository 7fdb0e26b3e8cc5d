import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TIDY_COLUMNS, type TidyRow } from "@/db/queries/tidy-rows";
import { toCsv } from "@/lib/csv";
import { createPgTestDb, PG_TEST_URL, warnIfNoPg, type PgTestDb } from "@/test/pg-test-db";
import { createTestDb } from "@/test/test-db";
import { pgStore, sqliteStore } from "../../store";
import { bundledFolders, importBundledData, type FolderOutcome } from "../bundled-data";

warnIfNoPg("db/ingest/pg/same-as-sqlite.test.ts");

/** series_stats keyed by what identifies a series (ids may differ between the engines), as of each import. */
const STATS = `
  SELECT d.name || '|' || h.name || '|' || se.runtime_id || '|' || coalesce(se.runtime_version, '-') || '|' ||
         coalesce(se.runtime_variant, '-') || '|' || w.tool || '|' || w.name || '|' || m.name || '|' || m.unit AS identity,
         st.import_id AS "importId", st.n, st.mean, st.m2, st.log_n AS "logN", st.log_mean AS "logMean", st.log_m2 AS "logM2"
  FROM series_stats st JOIN series se ON se.id = st.series_id JOIN datasets d ON d.id = se.dataset_id
  JOIN hosts h ON h.id = se.host_id JOIN workloads w ON w.id = se.workload_id JOIN metrics m ON m.id = se.metric_id
  ORDER BY identity, st.import_id`;
const PER_HOST = `
  SELECT d.name AS dataset, h.name AS host, s.import_id AS "importId", s.samples
  FROM import_samples s JOIN datasets d ON d.id = s.dataset_id JOIN hosts h ON h.id = s.host_id
  ORDER BY d.name, h.name, s.import_id`;
const IMPORTS = `SELECT id, files_imported AS "filesImported", samples FROM imports ORDER BY id`;

type StatsRow = { identity: string; importId: number; n: number; logN: number } & Record<string, number | string>;

/**
 * Equal counts; means equal to 12 significant digits, and M2 to 12 digits of n·mean², the scale
 * its rounding works at (files fold in per commit group on SQLite, per file on PostgreSQL).
 */
function expectSameStats(pg: StatsRow[], sqlite: StatsRow[]) {
  expect(pg.map((r) => [r.identity, r.importId, r.n, r.logN])).toEqual(
    sqlite.map((r) => [r.identity, r.importId, r.n, r.logN]),
  );
  const close = (a: number, b: number, scale: number) =>
    Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b), scale);
  const scaleOf = (r: StatsRow, k: string) =>
    k === "m2" ? r.n * Number(r.mean) ** 2 : k === "logM2" ? r.logN * Number(r.logMean) ** 2 : 0;
  const far = pg.flatMap((r, i) =>
    (["mean", "m2", "logMean", "logM2"] as const)
      .filter((k) => !close(Number(r[k]), Number(sqlite[i]![k]), scaleOf(r, k)))
      .map((k) => `${r.identity} ${k}: ${r[k]} vs ${sqlite[i]![k]}`),
  );
  expect(far).toEqual([]);
}

describe.skipIf(!PG_TEST_URL)("the bundled and public data on PostgreSQL and on SQLite", () => {
  const sqlite = createTestDb();
  let pg: PgTestDb;
  const outcomes: { sqlite: FolderOutcome[]; pg: FolderOutcome[] } = { sqlite: [], pg: [] };
  beforeAll(async () => {
    pg = await createPgTestDb();
    outcomes.sqlite = await importBundledData(sqliteStore(sqlite), bundledFolders());
    outcomes.pg = await importBundledData(pgStore(pg), bundledFolders());
  }, 300_000);
  afterAll(async () => {
    sqlite.cleanup();
    await pg?.cleanup();
  });

  it("imports every file of data/bundled and data/public/* on both, with none failed", () => {
    const counts = (o: FolderOutcome[]) => o.map((f) => [f.folder.path, f.imported, f.samples, f.failed.length]);
    expect(counts(outcomes.pg)).toEqual(counts(outcomes.sqlite));
    expect(outcomes.pg.map((o) => o.folder.path)).toContain("data/bundled");
    expect(outcomes.pg.filter((o) => o.folder.path.startsWith("data/public/")).length).toBeGreaterThanOrEqual(4);
    expect(outcomes.pg.every((o) => o.imported > 0 && o.failed.length === 0)).toBe(true);
  });

  it("exports byte-identical CSV", async () => {
    const csv = async (rows: Promise<TidyRow[]>) => toCsv(TIDY_COLUMNS, await rows);
    const fromPg = await csv(pgStore(pg).listTidyRows());
    expect(fromPg.split("\n").length).toBeGreaterThan(30_000);
    expect(fromPg).toBe(await csv(sqliteStore(sqlite).listTidyRows()));
  });

  it("keeps the same per-series statistics as of each import", async () => {
    const fromPg = (await pg.pool.query<StatsRow>(STATS)).rows;
    expect(fromPg.length).toBeGreaterThan(1000);
    expectSameStats(fromPg, sqlite.client.prepare(STATS).all() as StatsRow[]);
  });

  it("counts the same samples per dataset, host and import, and the same files and samples per import", async () => {
    expect((await pg.pool.query(PER_HOST)).rows).toEqual(sqlite.client.prepare(PER_HOST).all());
    expect((await pg.pool.query(IMPORTS)).rows).toEqual(sqlite.client.prepare(IMPORTS).all());
  });
});
