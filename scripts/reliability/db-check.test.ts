import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "@/db/store";
import type { DbTarget } from "@/db/target";
import { PG_TEST_URL, warnIfNoPg } from "@/test/pg-test-db";
import { pgScratch, sqliteFiles, type ThrowawayDatabases } from "./databases";
import { checkDb, fileSamples } from "./db-check";
import { writeCrashCorpus } from "./test-corpora";

warnIfNoPg("scripts/reliability/db-check.test.ts (its PostgreSQL half)");

const dir = mkdtempSync(join(tmpdir(), "hvscope-db-check-"));
const corpus = join(dir, "corpus");
writeCrashCorpus(corpus, 40);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs one statement on `target` behind the importer's back. */
async function tamper(target: DbTarget, statement: string) {
  if (target.kind === "sqlite") {
    const client = new Database(target.path);
    client.exec(statement);
    client.close();
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

const engines: [string, () => ThrowawayDatabases][] = [["SQLite", () => sqliteFiles(dir)]];
const pgUrl = PG_TEST_URL;
if (pgUrl) engines.push(["PostgreSQL", () => pgScratch(pgUrl, `hvscope_test_check_${process.pid}`)]);

describe.each(engines)("the crash test's database check on %s", (_engine, make) => {
  const databases = make();
  afterAll(() => databases.dropAll());

  it("passes a whole import and names a file that lost samples", async () => {
    const db = await databases.fresh("checked");
    const store = await openStore(db);
    const summary = await store.importPaths([corpus]).finally(() => store.close());
    expect(summary.imported).toBe(40);
    const reference = await fileSamples(db);
    expect(reference.size).toBe(40);
    const whole = await checkDb(db, reference);
    expect(whole.problems).toEqual([]);
    expect(whole.integrity).toBe(db.kind === "sqlite" ? "ok" : null);
    expect(whole).toMatchObject({ files: 40, samples: [...reference.values()].reduce((a, b) => a + b, 0) });

    // What a half-written file would look like: one run of the file with the lowest id keeps none of its samples.
    await tamper(
      db,
      "DELETE FROM samples WHERE run_id = (SELECT min(r.id) FROM runs r WHERE r.source_file_id = (SELECT min(id) FROM source_files))",
    );
    const broken = await checkDb(db, reference);
    expect(broken.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^1 runs without samples/),
        expect.stringMatching(/^1 source files without the samples they were stored with/),
        expect.stringMatching(/series whose newest statistics do not count their stored samples$/),
        expect.stringMatching(/^import_samples totals \d+ samples, samples holds \d+$/),
        expect.stringMatching(/^crash-0: .* has \d+ samples, a clean import stores \d+$/),
      ]),
    );
    await databases.drop("checked");
  }, 60_000);
});
