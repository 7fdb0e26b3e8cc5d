import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPaths } from "@/db/ingest/import-paths";
import { getExploreData } from "@/db/queries/explore";
import { getSynthesisData } from "@/db/queries/synthesis";
import { createTestDb } from "@/test/test-db";
import { loadFilters, loadSynthesisFilters } from "@/lib/search-params";

const ROOT = join(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const onPath = (name: string) =>
  (process.env.PATH ?? "").split(delimiter).some((dir) => spawnSync("test", ["-x", join(dir, name)]).status === 0);

// Runtimes need root (namespaces, cgroups, mounts) and the Debian packages named in .ci/run.
const missing = [
  ...(process.getuid?.() === 0 ? [] : ["root"]),
  ...["runc", "runsc", "sysbench", "fio", "iperf3", "stress-ng", "hyperfine", "nginx", "ab"].filter(
    (tool) => !onPath(tool),
  ),
];
const SKIP_REASON = `skipped: needs ${missing.join(", ")}`;

function bench(args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, "scripts", "bench.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 540_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bench CLI arguments", () => {
  it("exits 2 with the reason on a bad argument, before touching anything", () => {
    const r = bench(["--runtime", "runc,runsc-kvm", "--out", "/nonexistent/never-created"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bench: runsc-kvm is refused/m);
  });
});

describe.skipIf(missing.length > 0)(
  `bench --suite quick under runc and runsc-ptrace, then ingest (${missing.length > 0 ? SKIP_REASON : "needs root, runc, runsc"})`,
  () => {
    // Created in beforeAll, not at collection: a skipped block runs no afterAll to remove it.
    let out = "";
    beforeAll(() => {
      out = mkdtempSync(join(tmpdir(), "hvscope-bench-it-"));
    });
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it("writes outputs that import with zero failures, with samples for the same workloads under both runtimes", async () => {
      const r = bench(["--runtime", "runc,runsc-ptrace", "--suite", "quick", "--reps", "1", "--out", out]);
      expect(r.stderr).toMatch(/14 outputs, 0 failed steps, 0 steps unsupported by their runtime, 0 skipped runtimes/);
      expect(r.code).toBe(0);
      expect(readdirSync(out).sort()).toEqual(["hvscope.yaml", "runc", "runsc-ptrace", "steps.json", "sys"]);
      // No partial or failed file may be left behind.
      expect(readdirSync(join(out, "runc")).filter((f) => f.startsWith(".") || f.endsWith(".failed.log"))).toEqual([]);
      const steps = JSON.parse(readFileSync(join(out, "steps.json"), "utf8")) as StepsJson;
      expect(steps.steps.every((s) => Date.parse(s.endedAt) >= Date.parse(s.startedAt))).toBe(true);
      expectMachineEvidence(steps);

      const db = createTestDb();
      try {
        const summary = await importPaths(db, [out]);
        expect(summary.failed).toEqual([]);
        expect(summary).toMatchObject({ files: 14, imported: 14 });
        const rows = db.client
          .prepare(
            "SELECT DISTINCT r.runtime_id AS runtime, w.name AS workload FROM runs r JOIN workloads w ON w.id = r.workload_id JOIN samples s ON s.run_id = r.id",
          )
          .all() as { runtime: string; workload: string }[];
        const workloadsOf = (runtime: string) =>
          rows
            .filter((row) => row.runtime === runtime)
            .map((row) => row.workload)
            .sort();
        expect(workloadsOf("runc").length).toBeGreaterThanOrEqual(7);
        expect(workloadsOf("runsc-ptrace")).toEqual(workloadsOf("runc"));
        expect(workloadsOf("runc")).toEqual(
          expect.arrayContaining([
            "start and remove a sandbox running true",
            "idle sandbox (sleep): host processes",
            "iperf3 tcp P=1 inside the sandbox (server and client)",
          ]),
        );
        // Host facts come from the dumps in sys/ (procfs files must be read, not copied: size 0).
        const host = db.client
          .prepare("SELECT kernel, cpu_count AS cpus, memory_bytes AS memory, os, virtualization FROM hosts")
          .get() as Record<string, unknown>;
        expect(host).toMatchObject({
          kernel: expect.stringMatching(/^Linux /),
          cpus: expect.any(Number),
          memory: expect.any(Number),
          os: expect.any(String),
          virtualization: expect.stringMatching(/^(VM|bare metal) /),
        });
        const versions = db.client
          .prepare("SELECT DISTINCT runtime_id AS runtime, runtime_version AS version FROM runs ORDER BY 1")
          .all();
        // As upstream names them (Debian's 1.1.5+ds1 and 0.0~20221219.0 stay in steps.json).
        expect(versions).toEqual([
          { runtime: "runc", version: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
          { runtime: "runsc-ptrace", version: expect.stringMatching(/^release-\d{8}/) },
        ]);
        // The same function GET /api/overhead answers with: the runs show up as overhead rows.
        const overhead = await getExploreData(db.db, loadFilters({ baseline: "runc" }));
        expect(overhead.notices).toEqual([]);
        expect(overhead.table.rows.filter((row) => row.runtime === "runsc-ptrace").length).toBeGreaterThanOrEqual(7);
      } finally {
        db.cleanup();
      }
      await expectSynthesisToTakeIn(out);
    }, 600_000);
  },
);

const missingForEngine = [...missing, ...(onPath("podman") ? [] : ["podman"])];

describe.skipIf(missingForEngine.length > 0)(
  `bench --engine podman --suite quick under runc and runsc-ptrace, then ingest (${missingForEngine.length > 0 ? `skipped: needs ${missingForEngine.join(", ")} (Debian: apt-get install -y podman)` : "needs root, podman, runc, runsc"})`,
  () => {
    let out = "";
    beforeAll(() => {
      out = mkdtempSync(join(tmpdir(), "hvscope-bench-engine-"));
    });
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it("runs every step through podman from a folder (no image), and the outputs import with the engine as variant", async () => {
      const r = bench([
        "--engine",
        "podman",
        "--runtime",
        "runc,runsc-ptrace",
        "--suite",
        "quick",
        "--reps",
        "1",
        "--out",
        out,
      ]);
      expect(r.stderr).toMatch(/14 outputs, 0 failed steps, 0 steps unsupported by their runtime, 0 skipped runtimes/);
      expect(r.code).toBe(0);
      const steps = JSON.parse(readFileSync(join(out, "steps.json"), "utf8")) as StepsJson;
      expectMachineEvidence(steps);
      // Every sandbox went through podman, from the harness's rootfs folder, with gVisor's flags.
      const sandboxed = steps.steps.map((s) => `${s.hostCommand ?? ""} ${s.command}`);
      expect(sandboxed.every((c) => /podman run --rm .*--rootfs /.test(c))).toBe(true);
      expect(sandboxed.filter((c) => c.includes("--runtime runsc --runtime-flag platform=ptrace"))).toHaveLength(7);

      const db = createTestDb();
      try {
        const summary = await importPaths(db, [out]);
        expect(summary.failed).toEqual([]);
        expect(summary).toMatchObject({ files: 14, imported: 14 });
        const series = db.client
          .prepare(
            "SELECT runtime_id AS runtime, runtime_version AS version, runtime_variant AS variant, COUNT(DISTINCT workload_id) AS workloads FROM runs GROUP BY 1, 2, 3 ORDER BY 1",
          )
          .all();
        expect(series).toEqual([
          { runtime: "runc", version: expect.stringMatching(/^\d+\.\d+\.\d+$/), variant: "podman", workloads: 7 },
          {
            runtime: "runsc-ptrace",
            version: expect.stringMatching(/^release-\d{8}/),
            variant: "podman",
            workloads: 7,
          },
        ]);
      } finally {
        db.cleanup();
      }
    }, 600_000);
  },
);

interface StepsJson {
  notQuietSteps: number;
  steps: {
    startedAt: string;
    endedAt: string;
    command: string;
    hostCommand?: string;
    machine: { before: { loadAverage: { one: number } }; during: { windowMs: number; busiest: unknown[] } };
  }[];
}

/** Every step says what else ran before and during it; the manifest counts the steps that were not quiet. */
function expectMachineEvidence(steps: StepsJson) {
  for (const s of steps.steps) {
    expect(s.machine.before.loadAverage.one).toBeGreaterThanOrEqual(0);
    expect(s.machine.during.windowMs).toBeGreaterThan(0);
    expect(Array.isArray(s.machine.during.busiest)).toBe(true);
  }
  expect(steps.notQuietSteps).toBe(steps.steps.filter((s) => "notQuiet" in s.machine).length);
}

/**
 * A new dataset that measures runc and gVisor joins the synthesis across datasets: gVisor's start-up
 * row (hyperfine's runs give the new study a variance) gains a study and its pooled value moves,
 * while the same view pinned to the import before stays as it was.
 */
async function expectSynthesisToTakeIn(benchOutput: string) {
  const db = createTestDb();
  try {
    const bundled = await importPaths(db, [join(ROOT, "data", "bundled")]);
    expect(bundled.failed).toEqual([]);
    const view = { ...loadSynthesisFilters({}), runtime: ["runsc-ptrace"], category: ["startup"] };
    const startupRow = async (asof: number | null) => {
      const { synthesis } = await getSynthesisData(db.db, { ...view, asof });
      return synthesis.rows.find((r) => r.variant === null)!;
    };
    const before = await startupRow(null);
    expect(before.k).toBeGreaterThanOrEqual(1);
    expect((await importPaths(db, [benchOutput])).failed).toEqual([]);
    const after = await startupRow(null);
    expect(after.k).toBe(before.k + 1);
    expect(after.studies.filter((s) => s.dataset.startsWith("bench-quick-"))).toHaveLength(1);
    expect(after.pooledPct).not.toBe(before.pooledPct);
    expect(await startupRow(bundled.importId!)).toEqual(before);
  } finally {
    db.cleanup();
  }
}
