import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labelFile } from "@/lib/ingest/labels";
import { loadManifest } from "@/lib/ingest/manifest/load";
import { importPaths } from "./import-paths";
import type { ImportSummary } from "./import-types";
import { PUBLIC_DATA } from "@/test/public-datasets";
import { createTestDb } from "@/test/test-db";
import { listTidyRows, type TidyRow } from "../queries/tidy-rows";

const DATASETS = ["firecracker-nsdi2020", "gvisor-website", "idlab-containerd-runtimes", "kuasar-vs-kata-clh"] as const;

describe("public datasets bundled in data/public, each through its own manifest", () => {
  const conn = createTestDb();
  const summaries: Record<string, ImportSummary> = {};
  let rows: TidyRow[] = [];
  const select = (f: Partial<TidyRow>) =>
    rows.filter((r) => Object.entries(f).every(([k, v]) => r[k as keyof TidyRow] === v));
  const linesOf = (rel: string) =>
    readFileSync(join(PUBLIC_DATA, rel), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "");

  beforeAll(async () => {
    for (const name of DATASETS) summaries[name] = await importPaths(conn, [join(PUBLIC_DATA, name)]);
    rows = await listTidyRows(conn.db);
  }, 120_000);
  afterAll(() => conn.cleanup());

  it.each(DATASETS)("%s ingests with zero failures", (name) => {
    expect(summaries[name]!.failed).toEqual([]);
    expect(summaries[name]!.imported).toBeGreaterThan(0);
  });

  it("maps every runtime to a canonical id", () => {
    expect(conn.client.prepare("SELECT id FROM runtimes WHERE known = 0").all()).toEqual([]);
  });

  it("stores fio read IOPS of fio-fc-rand-read-4k.json as written in the file", () => {
    const json = JSON.parse(
      readFileSync(join(PUBLIC_DATA, "firecracker-nsdi2020/raw/fio-fc-rand-read-4k.json"), "utf8"),
    );
    const stored = select({ source_file: "raw/fio-fc-rand-read-4k.json", metric: "read_iops" });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      runtime: "firecracker",
      value: json.jobs[0].read.iops,
      unit: "ops_per_s",
      direction: "higher",
    });
  });

  it("stores every line of boot-serial-fc-api.dat, in order, as a repetition", () => {
    const lines = linesOf("firecracker-nsdi2020/raw/boot-serial-fc-api.dat").map((l) =>
      l.trim().split(/\s+/).map(Number),
    );
    const boot = select({ source_file: "raw/boot-serial-fc-api.dat", metric: "boot_time" }).sort(
      (a, b) => a.repetition - b.repetition,
    );
    expect(boot.map((r) => r.value)).toEqual(lines.map(([us]) => us! * 1000));
    const vmm = select({ source_file: "raw/boot-serial-fc-api.dat", metric: "vmm_reported_boot_time" }).sort(
      (a, b) => a.repetition - b.repetition,
    );
    expect(vmm.map((r) => r.value)).toEqual(lines.map(([, ms]) => ms! * 1e6));
    expect(new Set(boot.map((r) => r.runtime))).toEqual(new Set(["firecracker"]));
  });

  it("keeps gVisor's published figures: runsc-kvm syscall 763 ns, tmpfs random read", () => {
    expect(select({ dataset: "gvisor-website", runtime: "runsc-kvm", metric: "syscall_time" })).toMatchObject([
      { value: 763, unit: "ns" },
    ]);
    expect(select({ dataset: "gvisor-website", workload: "tmpfs fio.randread", runtime: "runc" })).toMatchObject([
      { value: 1_221_472_256, unit: "bytes_per_s" },
    ]);
    expect(
      select({ dataset: "gvisor-website", workload: "tmpfs fio.randread", runtime: "runsc-ptrace" }),
    ).toMatchObject([{ value: 68_940_800 }]);
  });

  it("stores all 100 start times of IDLab's runc file as ms converted to ns", () => {
    const file = "results/start/start-io.containerd.runc.v2-overlayfs-100_3655234905";
    const values = linesOf(`idlab-containerd-runtimes/${file}`).slice(1).map(Number);
    const stored = select({ source_file: file }).sort((a, b) => a.repetition - b.repetition);
    expect(values).toHaveLength(100);
    expect(stored.map((r) => r.value)).toEqual(values.map((ms) => ms * 1e6));
    expect(stored[0]).toMatchObject({ runtime: "runc", category: "startup" });
  });

  it("keeps Kata 2 and Kata 3 apart by version", () => {
    const versions = conn.client
      .prepare("SELECT DISTINCT runtime_id, runtime_version FROM runs WHERE runtime_id LIKE 'kata-%' ORDER BY 1, 2")
      .all();
    expect(versions).toEqual([
      { runtime_id: "kata-clh", runtime_version: "2" },
      { runtime_id: "kata-clh", runtime_version: "2.5.2" },
      { runtime_id: "kata-clh", runtime_version: "3" },
      { runtime_id: "kata-dragonball", runtime_version: "3" },
      { runtime_id: "kata-fc", runtime_version: "2" },
      { runtime_id: "kata-qemu", runtime_version: "2" },
      { runtime_id: "kata-qemu", runtime_version: "3" },
    ]);
  });

  it("records the host from the Firecracker dataset's system dumps", () => {
    expect(
      conn.client
        .prepare("SELECT name, kernel, cpu_model, cpu_count, os, virtualization FROM hosts WHERE name = 'm5d.metal'")
        .get(),
    ).toEqual({
      name: "m5d.metal",
      kernel: "Linux 4.15.0-1057-aws",
      cpu_model: "Intel(R) Xeon(R) Platinum 8175M CPU @ 2.50GHz",
      cpu_count: 48,
      os: "Ubuntu 18.04.3 LTS",
      virtualization: "bare metal (no hypervisor flag in /proc/cpuinfo)",
    });
  });
});

/** What a clone of each source repository holds where the bundled copy keeps its files. */
const CLONE_FOLDERS = {
  "firecracker-nsdi2020": ".", // data/m5d.metal: raw/ and sys/, plus derived files (below)
  "gvisor-website": ".", // website/performance
  "idlab-containerd-runtimes": "results",
  "kuasar-vs-kata-clh": "data", // tests/benchmark/data
} as const;

describe("the bundled manifests on a clone of the source repositories (--manifest)", () => {
  it.each(Object.entries(CLONE_FOLDERS))("%s: the clone's folder gives the same samples", async (name, folder) => {
    const measured = async (paths: string[], manifest?: string) => {
      const conn = createTestDb();
      try {
        const summary = await importPaths(conn, paths, { manifest });
        expect(summary.failed).toEqual([]);
        return (await listTidyRows(conn.db))
          .map((r) => [r.dataset, r.host, r.runtime, r.workload, r.metric, r.repetition, r.value].join("|"))
          .sort();
      } finally {
        conn.cleanup();
      }
    };
    const bundled = await measured([join(PUBLIC_DATA, name)]);
    const clone = await measured([join(PUBLIC_DATA, name, folder)], join(PUBLIC_DATA, name, "hvscope.yaml"));
    expect(clone).toEqual(bundled);
    expect(bundled.length).toBeGreaterThan(0);
  });

  it("the Firecracker manifest ignores what the repository derived in its host folder, and no raw file", () => {
    const root = join(PUBLIC_DATA, "firecracker-nsdi2020");
    const manifest = loadManifest(join(root, "hvscope.yaml"));
    const ignored = (rel: string) => labelFile(join(root, rel), root, {}, manifest).ignore;
    // Beside raw/ and sys/ in nsdi2020-data's data/m5d.metal (not bundled: derived data and plots).
    const derived = [
      ...["10", "50", "100"].flatMap((n) =>
        ["chv", "fc-api", "fc-file", "qemu"].map((vmm) => `boot-parallel-${n}-${vmm}-cdf.dat`),
      ),
      ...["chv-bz", "chv", "chv-net", "fc-api", "fc-file", "fc-net-api", "fc-nopci-api", "qboot", "qboot-net"]
        .concat(["qemu", "qemu-uvm"])
        .map((vmm) => `boot-serial-${vmm}-cdf.dat`),
      ...["boot-parallel-10", "boot-parallel-50", "boot-parallel-100", "boot-serial-all", "boot-serial"]
        .concat(["fio-bw", "fio-lat", "mem-abs", "mem-in-vm", "mem-percent"])
        .map((plot) => `${plot}.pdf`),
      ...["chv", "fc", "metal", "qemu"].map((vmm) => `fio-${vmm}.dat`),
      ...["chv", "fc", "qemu"].map((vmm) => `mem-${vmm}.dat`),
      ...["chv", "fc", "localhost", "qemu"].map((vmm) => `net-${vmm}.txt`),
    ];
    expect(derived.filter((f) => !ignored(f))).toEqual([]);
    const raw = readdirSync(join(root, "raw")).map((f) => `raw/${f}`);
    expect(raw.filter(ignored)).toEqual(["raw/net-chv-tx-10.json"]);
  });

  // What each repository publishes beside its measurements (seen in a clone at the commit in NOTICE).
  it.each([
    [
      "firecracker-nsdi2020",
      ["gnuplot/fio.gpl", "update-plots.sh", "rn.nehalem/mem-qemu.dat", "rn.haswell/sys/sys_uname.txt"],
    ],
    [
      "gvisor-website",
      ["applications.csv", "density.csv", "ffmpeg.csv", "httpd100k.csv", "httpd10240k.csv", "tensorflow.csv"],
    ],
    ["idlab-containerd-runtimes", ["jupyter/memory/memory.ipynb", "jupyter/startup_time/start-bar_overview.eps"]],
    [
      "kuasar-vs-kata-clh",
      ["gnuplot/mem-test.gpl", "gnuplot/boot-serial-1000-time.pdf", "boot-parallel-50-kata-time-cdf.dat"],
    ],
  ])("the %s manifest ignores what its repository publishes beside the data: %j", (name, files) => {
    const root = join(PUBLIC_DATA, name);
    const manifest = loadManifest(join(root, "hvscope.yaml"));
    expect(files.filter((rel) => !labelFile(join(root, rel), root, {}, manifest).ignore)).toEqual([]);
  });
});
