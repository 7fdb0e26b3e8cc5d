import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledFolders } from "@/db/ingest/bundled-data";
import { TIDY_COLUMNS } from "@/db/queries/tidy-rows";
import { toCsv } from "@/lib/csv";
import { finished, spawnIngest } from "@/test/ingest-process";
import { createPgTestDb, PG_TEST_URL, warnIfNoPg, type PgTestDb } from "@/test/pg-test-db";
import { createTestDb } from "@/test/test-db";
import { pgStore, sqliteStore } from "../../store";

warnIfNoPg("db/ingest/pg/killed-import.test.ts");

const BUNDLED = bundledFolders().find((f) => f.path === "data/bundled")!.absPath;
const FILES = 455;

describe.skipIf(!PG_TEST_URL)("an import into PostgreSQL killed half-way (SIGKILL)", () => {
  let pg: PgTestDb;
  const sqlite = createTestDb();
  let storedBeforeKill = 0;
  let killed: { code: number | null };
  beforeAll(async () => {
    pg = await createPgTestDb();
    const child = spawnIngest([BUNDLED, "--json"], { DATABASE_URL: pg.url });
    const done = finished(child);
    const stored = async () => Number((await pg.pool.query("SELECT count(*) AS n FROM source_files")).rows[0].n);
    for (let waited = 0; (await stored()) < 40 && waited < 120_000; waited += 20) await sleep(20);
    child.kill("SIGKILL");
    killed = await done;
    storedBeforeKill = await stored();
  }, 180_000);
  afterAll(async () => {
    sqlite.cleanup();
    await pg?.cleanup();
  });

  it("was killed with files still to go", () => {
    expect(killed.code).toBeNull();
    expect(storedBeforeKill).toBeGreaterThanOrEqual(40);
    expect(storedBeforeKill).toBeLessThan(FILES);
  });

  it("left whole files only: each stored file has all its samples, and the statistics count them", async () => {
    const { rows: partial } = await pg.pool.query(`
      SELECT sf.path, sf.sample_count, count(s.id) AS stored FROM source_files sf
      LEFT JOIN runs r ON r.source_file_id = sf.id LEFT JOIN samples s ON s.run_id = r.id
      GROUP BY sf.id HAVING count(s.id) <> sf.sample_count`);
    expect(partial).toEqual([]);
    const { rows: counts } = await pg.pool.query(`
      SELECT (SELECT count(*) FROM samples)::int AS samples,
             (SELECT coalesce(sum(n), 0) FROM series_stats WHERE import_id = 1)::int AS in_stats,
             (SELECT samples FROM imports WHERE id = 1) AS counted,
             (SELECT files_imported FROM imports WHERE id = 1) AS files_counted,
             (SELECT finished_at FROM imports WHERE id = 1) AS finished`);
    expect(counts[0]).toMatchObject({ files_counted: storedBeforeKill, finished: null });
    expect(counts[0].in_stats).toBe(counts[0].samples);
    expect(counts[0].counted).toBe(counts[0].samples);
  });

  it("finishes on a second run to the export of an uninterrupted import, byte for byte", async () => {
    const rerun = await finished(spawnIngest([BUNDLED, "--json"], { DATABASE_URL: pg.url }));
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({
      skipped: storedBeforeKill,
      imported: FILES - storedBeforeKill,
      failed: [],
    });
    await sqliteStore(sqlite).importPaths([BUNDLED]);
    const csv = toCsv(TIDY_COLUMNS, await pgStore(pg).listTidyRows());
    expect(csv.split("\n").length).toBeGreaterThan(4000);
    expect(csv).toBe(toCsv(TIDY_COLUMNS, await sqliteStore(sqlite).listTidyRows()));
  });
});
