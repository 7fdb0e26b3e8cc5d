import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openAppDb, type AppDb } from "@/db/app-db";
import { getExploreData } from "@/db/queries/explore";
import { listImports } from "@/db/queries/facets";
import { dataVersion } from "@/db/queries/read-cache";
import { keepSummariesWarm } from "@/db/queries/warm-summaries";
import { resolveShortLink, saveShortLink } from "@/db/queries/short-links";
import { createUploadToken, listUploadTokens, revokeUploadToken } from "@/db/queries/upload-tokens";
import { pgStore } from "@/db/store";
import { loadFilters } from "@/lib/search-params";
import { createPgTestDb, PG_TEST_URL, warnIfNoPg, type PgTestDb } from "@/test/pg-test-db";
import { PUBLIC_DATA } from "@/test/public-datasets";

warnIfNoPg("lib/upload/route-pg.test.ts");

const upload = (token: string, dataset: string) => {
  const form = new FormData();
  const fixture = "lib/parsers/__fixtures__/hyperfine/runs10.json";
  form.append("file", new Blob([new Uint8Array(readFileSync(fixture))]), "runs10.json");
  form.append("dataset", dataset);
  form.append("runtime", "runc");
  return new Request("http://hvscope.test/api/imports", {
    method: "POST",
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
};

const datasetsOf = async (db: AppDb["db"]) =>
  (await getExploreData(db, loadFilters(new URLSearchParams()))).datasets.map((d) => d.name);

describe.skipIf(!PG_TEST_URL)("the server on PostgreSQL (DATABASE_URL)", () => {
  let pg: PgTestDb;
  let other: AppDb;
  beforeAll(async () => {
    pg = await createPgTestDb();
    process.env.DATABASE_URL = pg.url;
    // Another server process on the same database, as a second instance would be.
    other = openAppDb({ kind: "postgres", url: pg.url, label: "other" });
    await other.ready();
  }, 60_000);
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await other?.close();
    await (globalThis as { hvscopeApp?: AppDb }).hvscopeApp?.close();
    await pg?.cleanup();
  });

  it("imports an upload, lists it, and shows it in the next view at once; the other instance within a poll", async () => {
    const { db, dbReady } = await import("@/db");
    await dbReady();
    const { GET, POST } = await import("@/app/api/imports/route");
    const token = await createUploadToken(db, "route-pg", null);
    expect(await datasetsOf(db)).toEqual([]);
    expect(await datasetsOf(other.db)).toEqual([]);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await POST(upload(token, "route-pg"));
    log.mockRestore();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ imported: 1, importId: 1, permalink: "/explore?dataset=route-pg&asof=1" });
    expect(await datasetsOf(db)).toEqual(["route-pg"]);
    const listed = await (await GET(new Request("http://hvscope.test/api/imports"))).json();
    expect(listed.imports.map((i: { id: number }) => i.id)).toEqual([1]);
    await expect.poll(() => datasetsOf(other.db), { timeout: 1000, interval: 50 }).toEqual(["route-pg"]);
  });

  it("sees a CLI's import within a second, and reads the summaries ahead again", async () => {
    const lines: string[] = [];
    const stop = keepSummariesWarm(other.db, (line) => lines.push(line));
    try {
      await expect.poll(() => lines.length, { timeout: 10_000 }).toBe(1);
      const before = dataVersion(other.db);
      await pgStore(pg).importPaths([join(PUBLIC_DATA, "gvisor-website", "redis.csv")]);
      await expect.poll(() => dataVersion(other.db), { timeout: 1000, interval: 10 }).not.toBe(before);
      expect(await datasetsOf(other.db)).toContain("gvisor-website");
      // The import's own row, committed before its file, may start a read-ahead that finds one host.
      await expect.poll(() => lines.at(-1), { timeout: 10_000 }).toMatch(/^\[summaries\] 2 hosts/);
      expect(lines[0]).toMatch(/^\[summaries\] 1 hosts/);
    } finally {
      stop();
    }
  });

  it("keeps upload tokens and short links", async () => {
    const { db } = await import("@/db");
    await createUploadToken(db, "second", "kata-*");
    expect((await listUploadTokens(db)).map((t) => [t.name, t.datasetPattern, t.createdAt instanceof Date])).toEqual([
      ["route-pg", null, true],
      ["second", "kata-*", true],
    ]);
    expect(await revokeUploadToken(db, "second")).toBe(true);
    expect(await revokeUploadToken(db, "second")).toBe(false);
    const path = "/explore?dataset=route-pg&asof=1";
    const link = await saveShortLink(db, path, 1);
    expect(link.createdAt).toBeInstanceOf(Date);
    expect((await saveShortLink(other.db, path, 1)).id).toBe(link.id);
    expect(await resolveShortLink(other.db, link.id)).toEqual({ status: "found", path, asof: 1 });
    expect(await resolveShortLink(db, "nosuchlink")).toEqual({ status: "unknown" });
  });

  it("outlives the database closing its idle connections, as a restart does, and answers again", async () => {
    const { db } = await import("@/db");
    const before = await datasetsOf(db);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { rows } = await pg.pool.query(
        "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
      expect(rows.length).toBeGreaterThan(1);
      await expect
        .poll(
          () =>
            log.mock.calls.filter((c) => String(c[0]).startsWith("[db] an idle PostgreSQL connection failed")).length,
        )
        .toBeGreaterThan(0);
    } finally {
      log.mockRestore();
    }
    // A query may still meet a connection whose end the pool has not heard of yet, as after a restart.
    await expect.poll(async () => (await listImports(db).catch(() => null))?.length, { timeout: 5000 }).toBe(2);
    expect(await datasetsOf(other.db)).toEqual(before);
  });
});
