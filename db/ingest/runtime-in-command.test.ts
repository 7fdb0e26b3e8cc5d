import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getExploreData } from "@/db/queries/explore";
import { labelFile } from "@/lib/ingest/labels";
import { planFile } from "@/lib/ingest/plan";
import { overheadBody } from "@/lib/overhead/json-body";
import { FIXTURE_ROOT } from "@/lib/parsers/__test__/fixtures";
import { loadFilters } from "@/lib/search-params";
import { countRows, createTestDb } from "@/test/test-db";
import { importPaths } from "./import-paths";

// Real hyperfine files timing one container start under runc and gVisor (hyperfine/commands.md).
const WORKLOAD = "{runtime} run --bundle /tmp/b hvscope-start";

let conn: ReturnType<typeof createTestDb>;
let dir: string;

beforeEach(() => {
  conn = createTestDb();
  dir = mkdtempSync(join(tmpdir(), "hvscope-runtime-in-command-"));
});
afterEach(() => {
  conn.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function place(fixture: string, rel: string, tool = "hyperfine"): string {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  cpSync(join(FIXTURE_ROOT, tool, fixture), join(dir, rel));
  return join(dir, rel);
}

async function startupAgainstRunc(extra = "") {
  const query = `dataset=start&baseline=runc${extra}`;
  const data = await getExploreData(conn.db, loadFilters(new URLSearchParams(query)), { baseline: "runc" });
  return { data, body: overheadBody(data.selection!, data.table.rows) };
}

describe("runtimes named in hyperfine's commands", () => {
  it.each(["runtime-param.json", "per-command.json"])(
    "%s: one workload, and the startup overhead of gVisor against runc",
    async (fixture) => {
      place(fixture, "start.json");
      const summary = await importPaths(conn, [dir], { dataset: "start", host: "vm" });
      expect(summary).toMatchObject({ imported: 1, failed: [] });

      const { data, body } = await startupAgainstRunc();
      expect(new Set(data.series.map((s) => `${s.runtime} ${s.workload}`))).toEqual(
        new Set([`runc ${WORKLOAD}`, `runsc-ptrace ${WORKLOAD}`]),
      );
      const wall = data.table.rows.filter((r) => r.metric === "wall_time");
      expect(wall).toHaveLength(1);
      expect(wall[0]).toMatchObject({ runtime: "runsc-ptrace", category: "startup", n: 10, baselineN: 10 });
      expect(wall[0]!.overheadPct).toBeGreaterThan(100);
      expect(JSON.stringify(body)).toContain('"runsc-ptrace"');
    },
  );

  it("beats a runtime folder in the path", async () => {
    place("runtime-param.json", "runc/start.json");
    await importPaths(conn, [dir], { dataset: "start", host: "vm" });
    const { data } = await startupAgainstRunc();
    expect(data.table.rows.filter((r) => r.metric === "wall_time").map((r) => r.runtime)).toEqual(["runsc-ptrace"]);
  });

  it("gives way to a runtime passed on the command line", () => {
    const path = place("per-command.json", "gvisor-only.json");
    const { results } = JSON.parse(readFileSync(path, "utf8")) as { results: unknown[] };
    const gvisorOnly = JSON.stringify({ results: results.slice(1) });
    const plan = planFile(gvisorOnly, "gvisor-only.json", labelFile(path, dir, { runtime: "kata" }));
    expect(plan.runs.map((r) => [r.runtime.id, r.workload.name])).toContainEqual(["kata-qemu", WORKLOAD]);
    expect(new Set(plan.runs.map((r) => r.runtime.id))).toEqual(new Set(["kata-qemu"]));
  });
});

describe("a runtime label for a file whose commands name several runtimes (issue 18)", () => {
  const several = "the file's commands name 2 runtimes (runc, runsc-ptrace)";

  it.each([
    ["hyperfine", "runtime-param.json"],
    ["gnu-time", "runc-runsc-appended.txt"],
  ])("%s: --runtime fails the file with what it names, and writes nothing", async (tool, fixture) => {
    place(fixture, "start.log", tool);
    const summary = await importPaths(conn, [dir], { dataset: "start", host: "vm", runtime: "kata" });
    expect(summary).toMatchObject({ imported: 0, samples: 0 });
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.error).toContain(
      `${several}, and --runtime kata would label them all kata-qemu: leave --runtime out for this file`,
    );
    expect(countRows(conn)).toMatchObject({ source_files: 0, runs: 0, samples: 0, series: 0 });
  });

  it("names the manifest's rule when the label comes from there", () => {
    const path = place("runtime-param.json", "start.json");
    const labels = { ...labelFile(path, dir, {}), runtime: "runc" };
    expect(() => planFile(readFileSync(path, "utf8"), "start.json", labels)).toThrow(
      `${several}, and the manifest's runtime 'runc' would label them all runc: leave runtime out of the rule`,
    );
  });
});

describe("runtimes named in GNU time's timed command (issue 18)", () => {
  it("imports appended runc and gVisor runs as one workload with a series per runtime", async () => {
    place("runc-runsc-appended.txt", "time-v.log", "gnu-time");
    const summary = await importPaths(conn, [dir], { dataset: "start", host: "vm" });
    expect(summary).toMatchObject({ imported: 1, failed: [] });

    const { data } = await startupAgainstRunc("&metric=max_rss");
    const workload = "{runtime} run --bundle /tmp/mr2-b hvscope-time";
    expect(new Set(data.series.map((s) => `${s.runtime} ${s.workload}`))).toEqual(
      new Set([`runc ${workload}`, `runsc-ptrace ${workload}`]),
    );
    const rss = data.table.rows.filter((r) => r.metric === "max_rss");
    expect(rss).toHaveLength(1);
    expect(rss[0]).toMatchObject({ runtime: "runsc-ptrace", category: "footprint", n: 2, baselineN: 2 });
    // 23828 and 24084 KiB under gVisor against 9948 and 9940 KiB under runc.
    expect(rss[0]!.overheadPct).toBeGreaterThan(100);
  });
});
