import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FIXTURE_ROOT as FIXTURES } from "@/lib/parsers/__test__/fixtures";
import { countPgRows, createPgTestDb, PG_TEST_URL, warnIfNoPg, type PgTestDb } from "@/test/pg-test-db";
import { pgStore, type Store } from "../../store";

warnIfNoPg("db/ingest/pg/writer.test.ts");

describe.skipIf(!PG_TEST_URL)("importing into PostgreSQL", () => {
  let conn: PgTestDb;
  let store: Store;
  let dir: string;
  beforeEach(async () => {
    conn = await createPgTestDb();
    store = pgStore(conn);
    dir = mkdtempSync(join(tmpdir(), "hvscope-pg-import-"));
  });
  afterEach(async () => {
    await conn.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  const place = (fixture: string, rel: string) => {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    cpSync(join(FIXTURES, fixture), join(dir, rel));
  };

  it("stores files under runtime-named folders and skips the same bytes on re-import", async () => {
    place("ping/loopback-5.txt", "runc/ping.txt");
    place("ping/loopback-quiet.txt", "runsc/ping.txt");
    expect(await store.importPaths([dir], { host: "vm1" })).toMatchObject({ imported: 2, skipped: 0, samples: 10 });
    const rows = await store.listTidyRows();
    expect(rows.find((r) => r.runtime === "runc" && r.metric === "rtt_avg")).toMatchObject({
      value: 50_000,
      unit: "ns",
      source_file: "runc/ping.txt",
    });
    expect(await store.importPaths([dir], { host: "vm1" })).toMatchObject({ imported: 0, skipped: 2, samples: 0 });
    expect(await store.listTidyRows()).toEqual(rows);
  });

  it("numbers repetitions on across files of the same series", async () => {
    place("ping/loopback-5.txt", "runc/a.txt");
    place("ping/loopback-quiet.txt", "runc/b.txt");
    await store.importPaths([join(dir, "runc", "a.txt")], { runtime: "runc" });
    await store.importPaths([join(dir, "runc", "b.txt")], { runtime: "runc" });
    const reps = (await store.listTidyRows()).filter((r) => r.metric === "packet_loss").map((r) => r.repetition);
    expect(reps).toEqual([1, 2]);
  });

  it("reports a bad file by name and writes nothing of it", async () => {
    place("ping/truncated.txt", "runc/cut.txt");
    const before = await countPgRows(conn);
    const summary = await store.importPaths([dir]);
    expect(summary.failed).toEqual([
      { file: "runc/cut.txt", error: expect.stringMatching(/missing the 'packets transmitted/) },
    ]);
    expect(await countPgRows(conn)).toEqual(before);
  });

  it("rolls a file back whole when a write inside it fails", async () => {
    place("ping/loopback-5.txt", "runc/good.txt");
    // A metric stored with the other direction makes the file fail after its dataset, host and
    // source file rows were written inside its transaction.
    await conn.pool.query(`INSERT INTO metrics (name, unit, direction) VALUES ('rtt_avg', 'ns', 'higher')`);
    const before = await countPgRows(conn);
    const summary = await store.importPaths([dir]);
    expect(summary.failed).toEqual([
      { file: "runc/good.txt", error: expect.stringMatching(/stored as higher is better/) },
    ]);
    expect(await countPgRows(conn)).toEqual(before);
  });

  it("stores nothing on a dry run", async () => {
    place("ping/loopback-5.txt", "runc/ping.txt");
    const before = await countPgRows(conn);
    expect(await store.importPaths([dir], { dryRun: true })).toMatchObject({ imported: 1, samples: 5 });
    expect(await countPgRows(conn)).toEqual(before);
    expect((await conn.pool.query("SELECT count(*)::int AS n FROM imports")).rows[0].n).toBe(0);
  });

  it("fails a file that is no benchmark output, naming it", async () => {
    writeFileSync(join(dir, "runc-mystery.txt"), "hello world\n");
    const summary = await store.importPaths([dir], { runtime: "runc" });
    expect(summary.failed).toEqual([{ file: "runc-mystery.txt", error: expect.stringMatching(/not recognised/) }]);
  });
});
