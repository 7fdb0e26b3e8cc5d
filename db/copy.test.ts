import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_DATA } from "@/test/public-datasets";
import { createPgTestDb, PG_TEST_URL, warnIfNoPg, type PgTestDb } from "@/test/pg-test-db";
import { countRows, createTestDb } from "@/test/test-db";
import { unpackContent } from "./content";
import { saveShortLink } from "./queries/short-links";
import { createUploadToken } from "./queries/upload-tokens";
import { pgStore, sqliteStore } from "./store";

warnIfNoPg("db/copy.test.ts");
const run = promisify(execFile);
const copy = (from: string, to: string) =>
  run("npx", ["tsx", "scripts/db-copy.ts", "--from", from, "--to", to]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe.skipIf(!PG_TEST_URL)("npm run db:copy from SQLite to PostgreSQL", () => {
  const sqlite = createTestDb();
  let pg: PgTestDb;
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    await sqliteStore(sqlite).importPaths([join(PUBLIC_DATA, "gvisor-website")]);
    await sqliteStore(sqlite).importPaths([join(PUBLIC_DATA, "idlab-containerd-runtimes")]);
    await saveShortLink(sqlite.db, "/explore?dataset=gvisor-website&asof=1", 1);
    await createUploadToken(sqlite.db, "ci", "gvisor-*");
    pg = await createPgTestDb();
    result = await copy(sqlite.path, pg.url);
  }, 120_000);
  afterAll(async () => {
    sqlite.cleanup();
    await pg?.cleanup();
  });

  it("copies every table, row for row, and says the exports are identical", async () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/export identical/);
    const counts = countRows(sqlite);
    for (const [table, n] of Object.entries(counts)) {
      expect(n, table).toBeGreaterThan(0);
      expect(Number((await pg.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n), table).toBe(n);
    }
    for (const table of ["imports", "short_links", "upload_tokens"])
      expect((await pg.pool.query(`SELECT * FROM ${table}`)).rows).toHaveLength(
        (sqlite.client.prepare(`SELECT * FROM ${table}`).all() as unknown[]).length,
      );
    expect(await pgStore(pg).listTidyRows()).toEqual(await sqliteStore(sqlite).listTidyRows());
  });

  it("copies the raw files: each unpacks to the bytes its SHA-256 names", async () => {
    const files = (await pg.pool.query<{ sha256: string; content_deflate: Buffer }>("SELECT * FROM source_files")).rows;
    expect(files.length).toBe(28);
    for (const f of files)
      expect(createHash("sha256").update(unpackContent(f.content_deflate)).digest("hex")).toBe(f.sha256);
  });

  it("keeps import ids and moves the id sequences past them: a later import gets the next id and skips stored files", async () => {
    const again = await pgStore(pg).importPaths([
      join(PUBLIC_DATA, "gvisor-website"),
      join(PUBLIC_DATA, "kuasar-vs-kata-clh"),
    ]);
    expect(again).toMatchObject({ importId: 3, skipped: 8, imported: 4, failed: [] });
  });

  it("refuses a database that holds data already, and changes nothing there", async () => {
    const before = Number((await pg.pool.query("SELECT count(*) AS n FROM samples")).rows[0].n);
    const refused = await copy(sqlite.path, pg.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds rows in imports: copy only into an empty database/);
    expect(Number((await pg.pool.query("SELECT count(*) AS n FROM samples")).rows[0].n)).toBe(before);
  });
});
