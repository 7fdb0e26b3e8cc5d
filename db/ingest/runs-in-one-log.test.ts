import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getExploreData } from "@/db/queries/explore";
import { overheadBody } from "@/lib/overhead/json-body";
import { FIXTURE_ROOT } from "@/lib/parsers/__test__/fixtures";
import { loadFilters } from "@/lib/search-params";
import { createTestDb } from "@/test/test-db";
import { importPaths } from "./import-paths";

// Real logs of shell loops, each run appended to one file (the tools' commands.md): two runs of
// each setting, except iperf3's one -R run.
const LOGS = ["sysbench/cpu-loop-threads.txt", "fio/loop-bs.txt", "iperf3/loop-streams.json", "ping/loop-sizes.txt"];

let conn: ReturnType<typeof createTestDb>;
let dir: string;

beforeEach(() => {
  conn = createTestDb();
  dir = mkdtempSync(join(tmpdir(), "hvscope-runs-in-one-log-"));
});
afterEach(() => {
  conn.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function place(fixture: string, rel: string) {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  cpSync(join(FIXTURE_ROOT, fixture), join(dir, rel));
}

describe("a log holding several runs, imported", () => {
  it("stores each run as a repetition of its workload, and the views count them as n", async () => {
    for (const log of LOGS) place(log, `runc/${log.replace("/", "-")}`);
    // One run at threads=1 under crun, against the log's two runc runs at that setting.
    place("sysbench/cpu.txt", "crun/sysbench-cpu.txt");
    const summary = await importPaths(conn, [dir], { dataset: "loops", host: "vm" });
    expect(summary).toMatchObject({ files: 5, imported: 5, failed: [] });

    const filters = loadFilters(new URLSearchParams("dataset=loops&baseline=runc"));
    const data = await getExploreData(conn.db, filters, { baseline: "runc" });
    const n = Object.fromEntries(data.series.map((s) => [`${s.runtime} ${s.workload}`, s.n]));
    expect(n).toEqual({
      "runc sysbench cpu max_prime=10000 threads=1": 2,
      "runc sysbench cpu max_prime=10000 threads=2": 2,
      "runc fio randread bs=4k iodepth=1 ioengine=psync": 2,
      "runc fio randread bs=64k iodepth=1 ioengine=psync": 2,
      "runc iperf3 tcp P=1": 2,
      "runc iperf3 tcp P=2": 2,
      "runc iperf3 tcp reverse P=1": 1,
      "runc ping": 2,
      "runc ping s=1000": 2,
      "crun sysbench cpu max_prime=10000 threads=1": 1,
    });

    // What /api/overhead answers for this view: the runc side counts the log's two runs.
    const body = overheadBody(data.selection!, data.table.rows);
    expect(body.rows.map((r) => [r.runtime, r.workload, r.metric, r.n, r.baselineN])).toEqual([
      ["crun", "sysbench cpu max_prime=10000 threads=1", "events_per_s", 1, 2],
    ]);
  });
});
