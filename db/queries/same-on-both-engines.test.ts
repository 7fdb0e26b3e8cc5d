import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAppDb, type AppDb } from "@/db/app-db";
import { bundledFolders, importBundledData } from "@/db/ingest/bundled-data";
import type { Db } from "@/db/open";
import { pgStore, sqliteStore } from "@/db/store";
import { readApiFilters } from "@/lib/http/api-params";
import { overheadBytes } from "@/lib/overhead/json-body";
import { loadSynthesisApiFilters } from "@/lib/search-params";
import { listsStudies, synthesisJson } from "@/lib/synthesis/json-body";
import { createPgTestDb, PG_TEST_URL, warnIfNoPg, type PgTestDb } from "@/test/pg-test-db";
import { createTestDb } from "@/test/test-db";
import { datasetImportSpan } from "./dataset-imports";
import { getExploreData, hasSelection } from "./explore";
import { listImports } from "./facets";
import { getSourceFile } from "./provenance";
import { listMeasuredRuntimeIds, listRuntimeAppearances } from "./runtime-appearances";
import { listSeriesSamples, listSeriesSourceFiles } from "./series-samples";
import { getSynthesisData } from "./synthesis";

warnIfNoPg("db/queries/same-on-both-engines.test.ts");

/** What GET /api/overhead answers for a URL (app/api/overhead/route.ts and its explore-request), parsed. */
async function overheadBody(db: Db, url: string): Promise<unknown> {
  const { filters, raw } = readApiFilters(new Request(url));
  const data = await getExploreData(db, filters, raw);
  if (!hasSelection(data)) throw new Error(`${url}: nothing selected`);
  return JSON.parse(new TextDecoder().decode(overheadBytes(data.selection, data.table.rows)));
}

/** What GET /api/synthesis answers for a URL (app/api/synthesis/route.ts), parsed. */
async function synthesisBody(db: Db, url: string): Promise<unknown> {
  const params = new URL(url).searchParams;
  const { studies, ...asked } = loadSynthesisApiFilters(params);
  const data = await getSynthesisData(db, asked, Object.fromEntries(params.entries()));
  return synthesisJson(data.synthesis, { withStudies: listsStudies(studies, data.filters) });
}

/**
 * Where two parsed bodies differ: numbers further apart than 1e-9 relative (statistics are folded
 * per commit group on SQLite and per file on PostgreSQL, so they agree to about 12 significant
 * digits: docs/decisions/017-postgresql-store.md), anything else not identical.
 */
function differences(a: unknown, b: unknown, path = "$"): string[] {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? [] : [`${path}: ${a} vs ${b}`];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path}: ${a.length} items vs ${b.length}`];
    return a.flatMap((x, i) => differences(x, b[i], `${path}[${i}]`));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = Object.keys(a);
    if (JSON.stringify(keys) !== JSON.stringify(Object.keys(b))) return [`${path}: keys ${keys} vs ${Object.keys(b)}`];
    return keys.flatMap((k) => differences((a as never)[k], (b as never)[k], `${path}.${k}`));
  }
  return Object.is(a, b) ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}

const API = "http://hvscope.test";

describe.skipIf(!PG_TEST_URL)("the dashboard's queries on PostgreSQL and on SQLite, from the same files", () => {
  const sqlite = createTestDb();
  let pg: PgTestDb;
  let app: AppDb;
  beforeAll(async () => {
    pg = await createPgTestDb();
    await importBundledData(sqliteStore(sqlite), bundledFolders());
    await importBundledData(pgStore(pg), bundledFolders());
    // The server's own opening: a pool of its own, watched for new data (db/index.ts).
    app = openAppDb({ kind: "postgres", url: pg.url, label: "test" });
    await app.ready();
  }, 300_000);
  afterAll(async () => {
    sqlite.cleanup();
    await app?.close();
    await pg?.cleanup();
  });

  const both = <T>(read: (db: Db) => Promise<T>) => Promise.all([read(sqlite.db), read(app.db)]);

  it("stores the imports under the same ids, which permalinks pin", async () => {
    const [fromSqlite, fromPg] = await both(listImports);
    expect(fromPg.length).toBeGreaterThanOrEqual(5);
    expect(fromPg.map((i) => [i.id, i.files, i.samples])).toEqual(fromSqlite.map((i) => [i.id, i.files, i.samples]));
    expect(fromPg.every((i) => i.startedAt instanceof Date && !Number.isNaN(i.startedAt.getTime()))).toBe(true);
  });

  it("answers /api/overhead and /api/synthesis with the same bodies, numbers within 1e-9 relative", async () => {
    const imports = await listImports(sqlite.db);
    const first = imports.at(-1)!.id;
    const datasets = (await overheadBody(sqlite.db, `${API}/api/overhead`)) as { dataset: string };
    const permalinks = [
      "/api/overhead",
      "/api/overhead?dataset=gvisor-website&workload=tmpfs%20fio.randread",
      "/api/overhead?dataset=gvisor-website&baseline=runsc-ptrace",
      `/api/overhead?dataset=${encodeURIComponent(datasets.dataset)}&asof=${first}`,
      "/api/overhead?dataset=kuasar-vs-kata-clh",
      "/api/overhead?dataset=firecracker-nsdi2020",
      "/api/synthesis",
      "/api/synthesis?indirect=0&studies=1",
      "/api/synthesis?baseline=crun",
      `/api/synthesis?asof=${first}`,
    ];
    for (const permalink of permalinks) {
      const read = permalink.startsWith("/api/synthesis") ? synthesisBody : overheadBody;
      const [fromSqlite, fromPg] = await both((db) => read(db, `${API}${permalink}`));
      expect(JSON.stringify(fromPg).length, permalink).toBeGreaterThan(200);
      expect(differences(fromPg, fromSqlite), permalink).toEqual([]);
    }
  });

  it("answers ids and asof beyond PostgreSQL's integer as SQLite does, without an error", async () => {
    const huge = 99_999_999_999;
    expect(await both((db) => getSourceFile(db, huge))).toEqual([null, null]);
    const [pinned, pinnedOnSqlite] = await both((db) => overheadBody(db, `${API}/api/overhead?asof=${huge}`));
    expect(differences(pinned, pinnedOnSqlite)).toEqual([]);
    // Pinned beyond the newest import: the latest rows.
    const latest = (await overheadBody(app.db, `${API}/api/overhead`)) as { rows: unknown[] };
    expect(differences((pinned as { rows: unknown[] }).rows, latest.rows)).toEqual([]);
    const [fromSqlite, fromPg] = await both((db) => synthesisBody(db, `${API}/api/synthesis?asof=-${huge}`));
    expect(differences(fromPg, fromSqlite)).toEqual([]);
    expect((await both((db) => datasetImportSpan(db, "gvisor-website", -huge)))[1]).toEqual({
      first: null,
      last: null,
    });
  });

  it("opens the default view for a baseline no series names, NUL included, as SQLite does, without an error", async () => {
    for (const baseline of ["runc%00", "no-such-runtime", "bare-metal"]) {
      const url = `${API}/api/overhead?baseline=${baseline}`;
      const [fromSqlite, fromPg] = await both((db) => overheadBody(db, url));
      expect(differences(fromPg, fromSqlite), url).toEqual([]);
    }
  });

  it("reads samples, provenance, runtimes and import spans alike", async () => {
    const view = await getExploreData(sqlite.db, readApiFilters(new Request(`${API}/api/overhead`)).filters);
    const ids = view.series.slice(0, 40).map((s) => s.seriesId);
    const [samples, files] = [
      await both((db) => listSeriesSamples(db, ids, null)),
      await both((db) => listSeriesSourceFiles(db, ids, null)),
    ];
    expect(samples[0].length).toBeGreaterThan(40);
    expect(samples[1]).toEqual(samples[0]);
    expect([...files[1]]).toEqual([...files[0]]);
    const sourceFile = [...files[0].values()][0]![0]!;
    const [fromSqlite, fromPg] = await both((db) => getSourceFile(db, sourceFile));
    expect(fromPg?.content.length).toBeGreaterThan(100);
    // Each database was filled at its own time; SQLite keeps whole seconds, PostgreSQL milliseconds.
    expect(fromPg?.importedAt).toBeInstanceOf(Date);
    const comparable = (f: typeof fromPg) => ({
      ...f,
      importedAt: null,
      startedAt: f?.startedAt && Math.floor(f.startedAt.getTime() / 1000),
    });
    expect(comparable(fromPg)).toEqual(comparable(fromSqlite));
    expect((await both(listMeasuredRuntimeIds))[1]).toEqual((await both(listMeasuredRuntimeIds))[0]);
    const appearances = await both((db) => listRuntimeAppearances(db, "runsc-ptrace"));
    expect(appearances[1].length).toBeGreaterThan(0);
    expect(appearances[1]).toEqual(appearances[0]);
    const [span, pinned] = await Promise.all([
      datasetImportSpan(app.db, "gvisor-website", null),
      datasetImportSpan(app.db, "gvisor-website", 0),
    ]);
    expect(span.first!.getTime()).toBeLessThanOrEqual(span.last!.getTime());
    expect(Date.now() - span.last!.getTime()).toBeLessThan(600_000);
    expect(pinned).toEqual({ first: null, last: null });
  });
});
