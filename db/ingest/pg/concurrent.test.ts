import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledFolders } from "@/db/ingest/bundled-data";
import { finished, spawnIngest } from "@/test/ingest-process";
import { createPgTestDb, PG_TEST_URL, warnIfNoPg, type PgTestDb } from "@/test/pg-test-db";
import { createTestDb } from "@/test/test-db";
import { PUBLIC_DATA } from "@/test/public-datasets";
import { pgStore, sqliteStore } from "../../store";
import type { TidyRow } from "../../queries/tidy-rows";

warnIfNoPg("db/ingest/pg/concurrent.test.ts");

const BUNDLED = bundledFolders().find((f) => f.path === "data/bundled")!.absPath;
const FIRECRACKER = join(PUBLIC_DATA, "firecracker-nsdi2020");
type Summary = { files: number; imported: number; skipped: number; failed: unknown[]; samples: number };

/** A row without its repetition number, which depends on which importer stored a file first. */
const measured = (r: TidyRow) => JSON.stringify({ ...r, repetition: undefined });

describe.skipIf(!PG_TEST_URL)("importers in separate processes writing to PostgreSQL at once", () => {
  let pg: PgTestDb;
  const sqlite = createTestDb();
  const summaries: Summary[] = [];
  let rows: TidyRow[] = [];
  beforeAll(async () => {
    pg = await createPgTestDb();
    const env = { DATABASE_URL: pg.url };
    // Two importers of the same dataset, the same files in the same order: they contend for
    // every file. A third imports another dataset meanwhile, sharing hosts, runtimes and metrics.
    const runs = [
      spawnIngest([BUNDLED, "--json"], env),
      spawnIngest([BUNDLED, "--json"], env),
      spawnIngest([FIRECRACKER, "--json"], env),
    ].map(finished);
    for (const r of await Promise.all(runs)) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      summaries.push(JSON.parse(r.stdout) as Summary);
    }
    rows = await pgStore(pg).listTidyRows();
    await sqliteStore(sqlite).importPaths([BUNDLED]);
    await sqliteStore(sqlite).importPaths([FIRECRACKER]);
  }, 300_000);
  afterAll(async () => {
    sqlite.cleanup();
    await pg?.cleanup();
  });

  it("stores each file once: one importer imports it, the other skips it", () => {
    const [a, b, other] = summaries;
    expect(a!.files).toBe(455);
    expect(a!.imported + b!.imported).toBe(455);
    expect(a!.skipped + b!.skipped).toBe(455);
    expect([a!.failed, b!.failed, other!.failed]).toEqual([[], [], []]);
    expect(other).toMatchObject({ files: 162, imported: 162 });
  });

  it("holds exactly the samples a single importer stores, with no duplicate series", async () => {
    const alone = await sqliteStore(sqlite).listTidyRows();
    expect(rows.map(measured).sort()).toEqual(alone.map(measured).sort());
    const { rows: dupes } = await pg.pool.query(`
      SELECT dataset_id, host_id, workload_id, metric_id, runtime_id, runtime_version, runtime_variant, count(*)
      FROM series GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING count(*) > 1`);
    expect(dupes).toEqual([]);
  });

  it("numbers the runs of each (workload, runtime configuration) 1..n without gaps or repeats", async () => {
    // Per series some metrics come from one run of a file's several (hyperfine's mean next to each
    // run's time), so gaps are judged on runs, where repetitions are numbered.
    const GROUPS = `
      SELECT d.name || '|' || w.name || '|' || r.runtime_id || '|' || coalesce(r.runtime_version, '-') || '|' ||
             coalesce(r.runtime_variant, '-') AS "group", count(*) AS n, count(DISTINCT r.repetition) AS distinct_reps,
             min(r.repetition) AS first, max(r.repetition) AS last
      FROM runs r JOIN datasets d ON d.id = r.dataset_id JOIN workloads w ON w.id = r.workload_id
      GROUP BY 1 ORDER BY 1`;
    const groups = (await pg.pool.query(GROUPS)).rows.map((g) => ({
      ...g,
      n: Number(g.n),
      distinct_reps: Number(g.distinct_reps),
    }));
    expect(groups.length).toBeGreaterThan(50);
    expect(groups.filter((g) => g.first !== 1 || g.last !== g.n || g.distinct_reps !== g.n)).toEqual([]);
    const alone = sqlite.client.prepare(GROUPS).all() as { group: string; n: number }[];
    expect(groups.map((g) => [g.group, g.n])).toEqual(alone.map((g) => [g.group, g.n]));
  });

  it("agrees with the final export: the summaries' samples, the imports' counts and each series' statistics", async () => {
    const bundledRows = rows.filter((r) => r.dataset !== "firecracker-nsdi2020").length;
    expect(summaries[0]!.samples + summaries[1]!.samples).toBe(bundledRows);
    expect(summaries[2]!.samples).toBe(rows.length - bundledRows);
    const { rows: imports } = await pg.pool.query("SELECT files_imported, samples FROM imports ORDER BY id");
    expect(imports.map((i) => i.samples).sort()).toEqual(summaries.map((s) => s.samples).sort());
    expect(imports.map((i) => i.files_imported).sort()).toEqual(summaries.map((s) => s.imported).sort());
    // The newest statistics row of each series counts its samples, and its mean is theirs.
    const { rows: off } = await pg.pool.query(`
      SELECT se.id, st.n, count(s.id) AS samples, st.mean, avg(s.value) AS mean_of_samples
      FROM series se JOIN samples s ON s.series_id = se.id
      JOIN series_stats st ON st.series_id = se.id
        AND st.import_id = (SELECT max(import_id) FROM series_stats WHERE series_id = se.id)
      GROUP BY se.id, st.n, st.mean
      HAVING st.n <> count(s.id) OR abs(st.mean - avg(s.value)) > 1e-9 * greatest(1, abs(st.mean))`);
    expect(off).toEqual([]);
  });
});
