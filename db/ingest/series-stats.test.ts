import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FileLabels } from "@/lib/ingest/labels";
import { planFile, sha256 } from "@/lib/ingest/plan";
import { packContent } from "../content";
import { IngestWriter } from "./writer";
import { ROWS_PER_INSERT } from "./statements";
import { MIGRATIONS_FOLDER } from "../open";
import { createTestDb } from "@/test/test-db";
import { FIXTURE_ROOT as FIXTURES } from "@/lib/parsers/__test__/fixtures";
import type { StatsColumns } from "@/db/stats-columns";

let conn: ReturnType<typeof createTestDb>;
beforeEach(() => (conn = createTestDb()));
afterEach(() => conn.cleanup());

/** Real hyperfine and ping outputs, labelled as one workload so files add to the same series. */
const labels = (runtime: string, dataset = "d"): FileLabels => ({
  ignore: false,
  dataset,
  host: { name: "h" },
  runtime,
  workload: "w",
  params: {},
  aliases: {},
});
const FILES = ["hyperfine/runs10.json", "hyperfine/warmup.json", "hyperfine/param-scan.json"];

async function writeFixture(writer: IngestWriter, importId: number, fixture: string, runtime = "runc", dataset = "d") {
  const bytes = readFileSync(join(FIXTURES, fixture));
  const file = {
    path: fixture,
    sha256: sha256(bytes),
    sizeBytes: bytes.length,
    labels: labels(runtime, dataset),
    packed: packContent(bytes),
  };
  await writer.write(importId, file, planFile(bytes.toString("utf8"), fixture, file.labels));
}

interface StatsRow {
  identity: string;
  importId: number;
  n: number;
  mean: number;
  variance: number | null;
  logN: number;
  logMean: number;
  logVariance: number | null;
}

/** series_stats as stored, keyed by series identity (ids differ between ways of building it). */
function storedStats(): StatsRow[] {
  const rows = conn.client
    .prepare(
      `SELECT json_array(se.dataset_id, se.host_id, se.runtime_id, se.runtime_version, se.runtime_variant, se.workload_id, se.metric_id) AS identity,
         st.import_id AS importId, st.n, st.mean, st.m2, st.log_n AS logN, st.log_mean AS logMean, st.log_m2 AS logM2
       FROM series_stats st JOIN series se ON se.id = st.series_id ORDER BY identity, importId`,
    )
    .all() as (StatsColumns & { identity: string; importId: number })[];
  return rows.map((r) => ({
    identity: r.identity,
    importId: r.importId,
    n: r.n,
    mean: r.mean,
    variance: r.n > 1 ? r.m2 / (r.n - 1) : null,
    logN: r.logN,
    logMean: r.logMean,
    logVariance: r.logN > 1 ? r.logM2 / (r.logN - 1) : null,
  }));
}

/** What each stored row must equal: the samples of its series from imports up to its own, computed afresh. */
function expectedFromSamples(row: StatsRow): Omit<StatsRow, "identity" | "importId"> {
  const values = (
    conn.client
      .prepare(
        `SELECT s.value FROM samples s JOIN runs r ON r.id = s.run_id JOIN source_files f ON f.id = r.source_file_id JOIN series se ON se.id = s.series_id
         WHERE json_array(se.dataset_id, se.host_id, se.runtime_id, se.runtime_version, se.runtime_variant, se.workload_id, se.metric_id) = ? AND f.import_id <= ?`,
      )
      .all(row.identity, row.importId) as { value: number }[]
  ).map((v) => v.value);
  const describe = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      n: xs.length,
      mean: xs.length ? mean : 0,
      variance: xs.length > 1 ? xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1) : null,
    };
  };
  const plain = describe(values);
  const logs = describe(values.filter((v) => v > 0).map(Math.log));
  return {
    n: plain.n,
    mean: plain.mean,
    variance: plain.variance,
    logN: logs.n,
    logMean: logs.mean,
    logVariance: logs.variance,
  };
}

function expectMatchesSamples(rows: StatsRow[]) {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const want = expectedFromSamples(row);
    expect(row.n, row.identity).toBe(want.n);
    expect(row.logN).toBe(want.logN);
    for (const k of ["mean", "variance", "logMean", "logVariance"] as const) {
      if (want[k] === null) expect(row[k]).toBeNull();
      else
        expect(
          Math.abs(row[k]! - want[k]!),
          `${k} of ${row.identity} as of import ${row.importId}`,
        ).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want[k]!)));
    }
  }
}

describe("series statistics kept at ingest", () => {
  it("equal the samples of each series as of every import", async () => {
    const writer = new IngestWriter(conn);
    const first = await writer.startImport(["first"]);
    await writeFixture(writer, first, "ping/loopback-5.txt");
    await writeFixture(writer, first, FILES[0]!, "runsc");
    const second = await writer.startImport(["second"]);
    await writeFixture(writer, second, "ping/loopback-quiet.txt");
    await writeFixture(writer, second, FILES[1]!);
    await writer.flush();
    const rows = storedStats();
    // Both imports added to runc's ping series: a row each, the second covering both files.
    const extended = rows.filter(
      (r) => r.importId === second && rows.some((o) => o.identity === r.identity && o.importId === first),
    );
    expect(extended.length).toBeGreaterThan(0);
    expect(extended.every((r) => r.n > rows.find((o) => o.identity === r.identity && o.importId === first)!.n)).toBe(
      true,
    );
    expectMatchesSamples(rows);
  });

  it("equal the samples when a commit group holds more series than one multi-row insert", async () => {
    const writer = new IngestWriter(conn);
    const id = await writer.startImport(["many"]);
    for (const runtime of ["runc", "crun", "runsc", "kata", "firecracker", "cloud-hypervisor"])
      for (const fixture of [...FILES, "ping/loopback-5.txt", "ping/loopback-quiet.txt"])
        await writeFixture(writer, id, fixture, runtime, runtime); // a dataset each: same bytes
    await writer.flush();
    const rows = storedStats();
    expect(rows.length).toBeGreaterThan(ROWS_PER_INSERT);
    expectMatchesSamples(rows);
  });

  it("stay right when an earlier import commits after a later one (concurrent ingests)", async () => {
    const writer = new IngestWriter(conn);
    const early = await writer.startImport(["early"]);
    const late = await writer.startImport(["late"]);
    await writeFixture(writer, late, "ping/loopback-5.txt");
    await writeFixture(writer, early, "ping/loopback-quiet.txt");
    await writer.flush();
    const rows = storedStats();
    expect(rows.filter((r) => r.importId === late).every((r) => r.n === 2)).toBe(true);
    // The late rows were written first and must now include the early file's samples too.
    expectMatchesSamples(rows);
  });

  it("leave out a file that failed half-way through its writes, in the same commit group", async () => {
    // failed_runs is the last metric of the hyperfine file's first run: its other samples are
    // written before the stored direction makes the file fail.
    conn.client.prepare("INSERT INTO metrics (name, unit, direction) VALUES ('failed_runs', 'count', 'higher')").run();
    const writer = new IngestWriter(conn);
    const id = await writer.startImport(["partial"]);
    await writeFixture(writer, id, "ping/loopback-5.txt");
    await expect(writeFixture(writer, id, "hyperfine/runs10.json")).rejects.toThrow(/stored as higher is better/);
    await writeFixture(writer, id, "ping/loopback-quiet.txt");
    await writer.flush();
    expectMatchesSamples(storedStats());
    const count = (sql: string) => (conn.client.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT count(*) AS n FROM source_files")).toBe(2);
    expect(count("SELECT sum(samples) AS n FROM import_samples")).toBe(count("SELECT count(*) AS n FROM samples"));
    expect(count(`SELECT samples AS n FROM imports WHERE id = ${id}`)).toBe(count("SELECT count(*) AS n FROM samples"));
    expect(count(`SELECT files_imported AS n FROM imports WHERE id = ${id}`)).toBe(2);
  });

  it("are rebuilt identically by the migration's backfill of older databases", async () => {
    const writer = new IngestWriter(conn);
    const a = await writer.startImport(["a"]);
    await writeFixture(writer, a, FILES[0]!);
    await writeFixture(writer, a, "ping/loopback-5.txt", "crun");
    const b = await writer.startImport(["b"]);
    await writeFixture(writer, b, FILES[1]!);
    await writer.flush();
    const byIngest = storedStats();
    const totals = conn.client
      .prepare("SELECT dataset_id, host_id, import_id, samples FROM import_samples ORDER BY 1, 2, 3")
      .all();

    const migration = readFileSync(join(MIGRATIONS_FOLDER, "0002_series-stats.sql"), "utf8");
    const backfill = migration.slice(migration.indexOf("-- Backfill")).split("--> statement-breakpoint");
    expect(backfill.length).toBeGreaterThan(3);
    conn.client.exec(
      "UPDATE samples SET series_id = NULL; DELETE FROM series_stats; DELETE FROM import_samples; DELETE FROM series;",
    );
    conn.client.transaction(() => backfill.forEach((statement) => conn.client.exec(statement)))();

    const rebuilt = storedStats();
    expect(rebuilt.map((r) => [r.identity, r.importId, r.n, r.logN])).toEqual(
      byIngest.map((r) => [r.identity, r.importId, r.n, r.logN]),
    );
    expectMatchesSamples(rebuilt);
    expect(conn.client.prepare("SELECT count(*) AS n FROM samples WHERE series_id IS NULL").get()).toEqual({ n: 0 });
    expect(
      conn.client.prepare("SELECT dataset_id, host_id, import_id, samples FROM import_samples ORDER BY 1, 2, 3").all(),
    ).toEqual(totals);
  });
});
