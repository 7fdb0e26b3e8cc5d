import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { labelFile } from "@/lib/ingest/labels";
import { planFile } from "@/lib/ingest/plan";
import { importPaths } from "./import-paths";
import { ROWS_PER_INSERT } from "./statements";
import { countRows, createTestDb } from "@/test/test-db";
import { toCsv } from "@/lib/csv";
import { listTidyRows, TIDY_COLUMNS, type TidyRow } from "../queries/tidy-rows";
import { FIXTURE_ROOT as FIXTURES } from "@/lib/parsers/__test__/fixtures";

let conn: ReturnType<typeof createTestDb>;
let dir: string;

beforeEach(() => {
  conn = createTestDb();
  dir = mkdtempSync(join(tmpdir(), "hvscope-import-"));
});
afterEach(() => {
  conn.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Copies a fixture to `rel` under the temp folder. */
function place(fixture: string, rel: string) {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  cpSync(join(FIXTURES, fixture), join(dir, rel));
}

describe("importPaths", () => {
  it("imports files under runtime-named folders and skips the same bytes on re-import", async () => {
    place("ping/loopback-5.txt", "runc/ping.txt");
    place("ping/loopback-quiet.txt", "runsc/ping.txt");
    const first = await importPaths(conn, [dir], { host: "vm1" });
    expect(first).toMatchObject({ files: 2, imported: 2, skipped: 0, failed: [], samples: 10 });
    const rows = await listTidyRows(conn.db);
    // No version was given, so gVisor's platform is not recorded (lib/runtime-ids.ts, runscDefaultPlatform).
    expect(new Set(rows.map((r) => r.runtime))).toEqual(new Set(["runc", "runsc"]));
    expect(rows.find((r) => r.runtime === "runc" && r.metric === "rtt_avg")).toMatchObject({
      value: 50_000,
      unit: "ns",
      direction: "lower",
      source_file: "runc/ping.txt",
    });

    const again = await importPaths(conn, [dir], { host: "vm1" });
    expect(again).toMatchObject({ files: 2, imported: 0, skipped: 2, samples: 0 });
    expect(await listTidyRows(conn.db)).toHaveLength(rows.length);
  });

  it("reports a bad file by name and line, stores the others, and writes nothing of the bad one", async () => {
    place("ping/loopback-5.txt", "runc/good.txt");
    place("ping/truncated.txt", "runc/cut.txt");
    writeFileSync(join(dir, "runc", "mystery.txt"), "hello world\n");
    const summary = await importPaths(conn, [dir]);
    expect(summary.imported).toBe(1);
    expect(summary.failed).toEqual([
      { file: "runc/cut.txt", error: expect.stringMatching(/missing the 'packets transmitted/) },
      {
        file: "runc/mystery.txt",
        error: expect.stringMatching(/^not recognised by any parser \(tried fio, iperf3, .*, table\); if it is not/),
      },
    ]);
    expect(countRows(conn).source_files).toBe(1);
    // The long form, whether the file was prepared on the writer's thread or offered to the worker.
    for (const prepareAhead of [false, true]) {
      const verbose = await importPaths(conn, [join(dir, "runc", "mystery.txt")], { verbose: true, prepareAhead });
      expect(verbose.failed[0]!.error).toMatch(/^not recognised by any parser; tried: fio \(.*; table \(/);
    }
  });

  it("rolls back a file whose write fails half-way and keeps what was stored before", async () => {
    // Same metric name and unit with the opposite direction: rejected while writing samples,
    // after the source file and runs were inserted inside the transaction.
    writeFileSync(
      join(dir, "a.csv"),
      "runtime,workload,metric,value,unit,category,direction\nrunc,w,m,1,ns,cpu,lower\n",
    );
    writeFileSync(
      join(dir, "b.csv"),
      "runtime,workload,metric,value,unit,category,direction\nrunc,w2,m,2,ns,cpu,higher\n",
    );
    const first = await importPaths(conn, [join(dir, "a.csv")]);
    expect(first.failed).toEqual([]);
    const before = countRows(conn);
    const second = await importPaths(conn, [join(dir, "b.csv")]);
    expect(second.failed[0]?.error).toMatch(/metric m \(ns\) is stored as lower is better, this file says higher/);
    expect(countRows(conn)).toEqual(before);
  });

  it("stores nothing on a dry run but reports what it would do", async () => {
    place("ping/loopback-5.txt", "crun/p.txt");
    const summary = await importPaths(conn, [dir], { dryRun: true });
    expect(summary).toMatchObject({ imported: 1, samples: 5 });
    expect(countRows(conn)).toMatchObject({ source_files: 0, samples: 0, runs: 0 });
    expect(conn.client.prepare("SELECT count(*) AS n FROM imports").get()).toEqual({ n: 0 });
  });

  it("numbers repetitions across files of the same runtime and workload", async () => {
    place("ping/loopback-5.txt", "runc/1.txt");
    place("ping/loopback-quiet.txt", "runc/2.txt");
    await importPaths(conn, [dir]);
    // Both files are "ping" with different packet counts in params; the workload is the same name.
    const reps = (await listTidyRows(conn.db)).filter((r) => r.metric === "packet_loss").map((r) => r.repetition);
    expect(reps.sort()).toEqual([1, 2]);
  });

  it("continues repetitions and reuses series in a later import to the same host", async () => {
    place("ping/loopback-5.txt", "runc/1.txt");
    await importPaths(conn, [dir]);
    const before = countRows(conn);
    rmSync(join(dir, "runc"), { recursive: true });
    place("ping/loopback-quiet.txt", "runc/2.txt");
    await importPaths(conn, [dir]);
    const reps = (await listTidyRows(conn.db)).filter((r) => r.metric === "packet_loss").map((r) => r.repetition);
    expect(reps.sort()).toEqual([1, 2]);
    expect(countRows(conn).series).toBe(before.series);
  });

  it("stores every sample of a file longer than one multi-row insert, each with its run and series", async () => {
    // 4,320 samples: 68 full inserts of ROWS_PER_INSERT rows and a shorter last one.
    place("sysbench/issue-7-1.txt", "runc/sysbench.txt");
    const labels = labelFile(join(dir, "runc/sysbench.txt"), dir, {}, undefined);
    const plan = planFile(readFileSync(join(dir, "runc/sysbench.txt"), "utf8"), "runc/sysbench.txt", labels);
    expect(plan.sampleCount % ROWS_PER_INSERT).not.toBe(0);
    expect((await importPaths(conn, [dir])).failed).toEqual([]);

    const planned = plan.runs.flatMap((run) =>
      run.samples.map((s) => `${run.workload.name} ${run.repetition + 1} ${s.metric} ${s.value}`),
    );
    const stored = (await listTidyRows(conn.db)).map((r) => `${r.workload} ${r.repetition} ${r.metric} ${r.value}`);
    expect(stored.sort()).toEqual(planned.sort());
    // Each row's parameters stay together: its series is its run's workload and runtime, and its own metric.
    const mismatched = conn.client
      .prepare(
        `SELECT count(*) FROM samples s JOIN runs r ON s.run_id = r.id JOIN series se ON s.series_id = se.id
        WHERE se.metric_id != s.metric_id OR se.workload_id != r.workload_id OR se.runtime_id != r.runtime_id`,
      )
      .pluck()
      .get();
    expect(mismatched).toBe(0);
  });

  it("re-imports its export with each runtime's versions and variants kept apart", async () => {
    // One fio job captured twice, under two variants of Firecracker, and one iperf3 test captured
    // twice, under two versions of Kata (3 by its containerd shim's name): each pair is one workload.
    place("fio/randread-4k.json", "d/fc/randread-4k.json");
    place("fio/randread-4k.txt", "d/fc-api/randread-4k.txt");
    place("iperf3/tcp-p1.json", "d/kata-clh/tcp-p1.json");
    place("iperf3/tcp-p1.txt", "d/io.containerd.kata.v2-kata3-clh/tcp-p1.txt");
    expect((await importPaths(conn, [join(dir, "d")], { host: "h" })).failed).toEqual([]);
    const exported = await listTidyRows(conn.db);
    const runtimes = (rows: TidyRow[]) => [
      ...new Set(rows.map((r) => `${r.runtime} ${r.runtime_version} ${r.runtime_variant}`)),
    ];
    expect(runtimes(exported).sort()).toEqual([
      "firecracker null api",
      "firecracker null null",
      "kata-clh 3 null",
      "kata-clh null null",
    ]);
    writeFileSync(join(dir, "export.csv"), toCsv(TIDY_COLUMNS, exported));
    const again = createTestDb();
    try {
      expect((await importPaths(again, [join(dir, "export.csv")], { dataset: "d", host: "h" })).failed).toEqual([]);
      const identity = ({ source_file: _file, tool: _tool, ...r }: TidyRow) => JSON.stringify(r);
      expect((await listTidyRows(again.db)).map(identity)).toEqual(exported.map(identity));
    } finally {
      again.cleanup();
    }
  });

  it("imports a wide CSV through a manifest rule: one run per row, one series per runtime and metric", async () => {
    place("tidy-csv/wide-version-cli.csv", "d/cli.csv");
    writeFileSync(
      join(dir, "d", "hvscope.yaml"),
      [
        "files:",
        "  - match: cli.csv",
        "    parser: tidy-csv",
        "    workload: runtime --version",
        "    options:",
        "      category: startup",
        "      columns: { repetition: iteration }",
        "      values: { version_us: { metric: wall_time }, max_rss_kb: { metric: max_rss, unit: kB } }",
        "",
      ].join("\n"),
    );
    const summary = await importPaths(conn, [join(dir, "d")], { host: "h" });
    expect(summary).toMatchObject({ imported: 1, samples: 18, failed: [] });
    const rows = await listTidyRows(conn.db);
    expect(new Set(rows.map((r) => `${r.runtime} ${r.workload} ${r.metric} ${r.unit}`))).toEqual(
      new Set(
        ["runc", "crun", "runsc"].flatMap((rt) => [
          `${rt} runtime --version max_rss bytes`,
          `${rt} runtime --version wall_time ns`,
        ]),
      ),
    );
    expect(rows.find((r) => r.runtime === "crun" && r.metric === "wall_time" && r.repetition === 2)?.value).toBe(
      7_900_000,
    );
  });

  it("stores a file's new series together, more than one insert holds, each found again by its identity", async () => {
    // Every tool's fixtures under two runtimes, exported as one tidy CSV: one file holding hundreds
    // of series, which the writer inserts in chunks and matches back by identity, not by order.
    // (Not the tidy CSVs themselves: an export of hvscope's export would list its rows beside the
    // fio rows they came from, under the same workload name, and re-import them as one workload.)
    for (const runtime of ["runc", "runsc"])
      cpSync(FIXTURES, join(dir, "fixtures", runtime), { recursive: true, filter: (src) => !src.endsWith("tidy-csv") });
    await importPaths(conn, [join(dir, "fixtures")], { host: "h", prepareAhead: false });
    const exported = await listTidyRows(conn.db);
    writeFileSync(join(dir, "export.csv"), toCsv(TIDY_COLUMNS, exported));
    const again = createTestDb();
    try {
      expect((await importPaths(again, [join(dir, "export.csv")], { dataset: "fixtures", host: "h" })).failed).toEqual(
        [],
      );
      expect(countRows(again).series).toBeGreaterThan(2 * ROWS_PER_INSERT);
      const identity = (r: TidyRow) =>
        [
          r.dataset,
          r.host,
          r.runtime,
          r.runtime_version,
          r.runtime_variant,
          r.workload,
          r.metric,
          r.unit,
          r.repetition,
          r.value,
        ].join(" ");
      expect((await listTidyRows(again.db)).map(identity).sort()).toEqual(exported.map(identity).sort());
      const mismatched = again.client
        .prepare(
          `SELECT count(*) FROM samples s JOIN runs r ON s.run_id = r.id JOIN series se ON s.series_id = se.id
          WHERE se.metric_id != s.metric_id OR se.workload_id != r.workload_id OR se.runtime_id != r.runtime_id
            OR se.runtime_version IS NOT r.runtime_version OR se.runtime_variant IS NOT r.runtime_variant`,
        )
        .pluck()
        .get();
      expect(mismatched).toBe(0);
    } finally {
      again.cleanup();
    }
  });

  it("applies labels in order: CLI flag, manifest rule, path", async () => {
    place("ping/loopback-5.txt", "runc/fc-ping.txt");
    writeFileSync(
      join(dir, "hvscope.yaml"),
      "dataset: from-manifest\nhost: m1\nfiles:\n  - match: '{_}/{runtime}-ping.txt'\n",
    );
    await importPaths(conn, [dir]);
    expect((await listTidyRows(conn.db))[0]).toMatchObject({
      dataset: "from-manifest",
      host: "m1",
      runtime: "firecracker",
    });
    const other = createTestDb();
    try {
      await importPaths(other, [dir], { runtime: "kata", dataset: "cli" });
      expect((await listTidyRows(other.db))[0]).toMatchObject({ dataset: "cli", runtime: "kata-qemu" });
    } finally {
      other.cleanup();
    }
  });

  it("keeps an unknown runtime under its own name, flagged", async () => {
    place("ping/loopback-5.txt", "p.txt");
    await importPaths(conn, [dir], { runtime: "youki" });
    expect(conn.client.prepare("SELECT id, known FROM runtimes").all()).toEqual([{ id: "youki", known: 0 }]);
  });

  it("fails a file with no runtime and says how to give one", async () => {
    place("ping/loopback-5.txt", "p.txt");
    const summary = await importPaths(conn, [dir]);
    expect(summary.failed[0]?.error).toMatch(/no runtime: pass --runtime/);
  });
});
