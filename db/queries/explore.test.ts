import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPublicDatasets } from "@/test/public-datasets";
import { createTestDb } from "@/test/test-db";
import { overheadBody, overheadJson } from "@/lib/overhead/json-body";
import { toOverheadRows } from "@/lib/overhead/rows";
import { loadFilters } from "@/lib/search-params";
import { getExploreData } from "./explore";

const filters = (query: string) => loadFilters(new URLSearchParams(query));

describe("getExploreData on the public datasets", () => {
  const conn = createTestDb();
  beforeAll(() => importPublicDatasets(conn), 60_000);
  afterAll(() => conn.cleanup());

  it("shows gVisor's published tmpfs random read: +1,672 %, n = 1, no interval", async () => {
    const data = await getExploreData(conn.db, filters("dataset=gvisor-website&workload=tmpfs fio.randread"));
    expect(data.notices).toEqual([]);
    expect(data.table.rows).toHaveLength(1);
    expect(data.table.rows[0]).toMatchObject({
      runtime: "runsc-ptrace",
      n: 1,
      baselineN: 1,
      mean: 68_940_800,
      baselineMean: 1_221_472_256,
      ciLowPct: null,
    });
    expect(data.table.rows[0]!.overheadPct).toBeCloseTo(1671.77, 2);
  });

  it("opens, without a dataset in the link, on the largest dataset that holds runc, not the largest", async () => {
    const data = await getExploreData(conn.db, filters(""));
    expect(data.datasets.map((d) => d.name)).toEqual(["firecracker-nsdi2020", "gvisor-website"]);
    expect(data.selection).toMatchObject({ dataset: "gvisor-website", baseline: "runc" });
    expect(data.notices).toEqual([]);
    expect(data.baselineHasData).toBe(true);
    // Another baseline asked for: the largest dataset that holds it.
    const bare = await getExploreData(conn.db, filters("baseline=bare-metal"), { baseline: "bare-metal" });
    expect(bare.selection).toMatchObject({ dataset: "firecracker-nsdi2020", baseline: "bare-metal" });
    expect(bare.notices).toEqual([]);
  });

  it("compares the Firecracker dataset, without runc, against bare metal when the link names no baseline", async () => {
    const data = await getExploreData(conn.db, filters("dataset=firecracker-nsdi2020"));
    expect(data.selection?.baseline).toBe("bare-metal");
    expect(data.baselineHasData).toBe(true);
    expect(data.table.rows.length).toBeGreaterThan(0);
    expect(data.notices).toEqual([
      {
        param: "baseline",
        level: "info",
        message: expect.stringMatching(/^runc was not measured in firecracker-nsdi2020 on m5d\.metal; .* bare-metal/),
      },
    ]);
  });

  it("keeps runc when the link names it, says it has no data in the Firecracker dataset and offers the runtimes that do", async () => {
    // Cached apart from the same filters without `baseline` in the URL (the test above).
    const data = await getExploreData(conn.db, filters("dataset=firecracker-nsdi2020&baseline=runc"), {
      baseline: "runc",
    });
    expect(data.selection?.baseline).toBe("runc");
    expect(data.baselineHasData).toBe(false);
    expect(data.notices).toEqual([
      {
        param: "baseline",
        message: expect.stringMatching(
          /Baseline "runc" has no data .* bare-metal, cloud-hypervisor, firecracker, qemu-kvm/,
        ),
      },
    ]);
  });

  it("compares Firecracker with bare metal on fio and iperf3, in canonical units and directions", async () => {
    const data = await getExploreData(
      conn.db,
      filters("dataset=firecracker-nsdi2020&baseline=bare-metal&runtime=firecracker"),
    );
    const rows = data.table.rows;
    const fio = rows.find((r) => r.workload === "fio randread bs=4k iodepth=32 ioengine=libaio")!;
    expect(fio).toMatchObject({ metric: "read_iops", unit: "ops_per_s", direction: "higher", n: 1, baselineN: 1 });
    expect(fio.overheadPct).toBeGreaterThan(0);
    const iperf = rows.find((r) => r.workload === "iperf3 host to guest P=1")!;
    expect(iperf).toMatchObject({ metric: "received_throughput", unit: "bytes_per_s", direction: "higher" });
    // Boot has no bare-metal baseline: those series are reported as skipped, not dropped silently.
    expect(
      data.table.skipped.some((s) => s.series.workload.startsWith("boot to guest init") && s.reason === "no baseline"),
    ).toBe(true);
  });

  it("compares Firecracker's boot time with QEMU's, with a 95 % interval from 500 boots each", async () => {
    const data = await getExploreData(
      conn.db,
      filters(
        "dataset=firecracker-nsdi2020&baseline=qemu-kvm&runtime=firecracker&workload=boot to guest init (serial)",
      ),
    );
    const api = data.table.rows.find((r) => r.variant === "api")!;
    expect(api).toMatchObject({ metric: "boot_time", unit: "ns", direction: "lower", n: 500, baselineN: 500 });
    expect(api.overheadPct).toBeLessThan(0);
    expect(api.ciLowPct).toBeLessThan(api.overheadPct);
    expect(api.ciHighPct).toBeGreaterThan(api.overheadPct);
  });

  it("explains every unknown value of a hand-written link and keeps the known ones", async () => {
    const data = await getExploreData(
      conn.db,
      filters("dataset=gvisor-website&runtime=runsc-ptrace,martian&metric=zzz"),
      { view: "sideways" },
    );
    expect(data.notices.map((n) => n.param)).toEqual(["view", "runtime", "metric"]);
    expect(data.selection?.runtimes).toEqual(["runsc-ptrace"]);
    const fallback = await getExploreData(conn.db, filters("dataset=nope"));
    expect(fallback.notices[0]).toMatchObject({
      param: "dataset",
      message: 'Unknown dataset "nope"; showing "gvisor-website" instead.',
    });
  });

  it("shares rows between views of the same series, and they equal rows computed afresh", async () => {
    const both = await getExploreData(
      conn.db,
      filters("dataset=firecracker-nsdi2020&baseline=qemu-kvm&runtime=firecracker,cloud-hypervisor"),
    );
    const one = await getExploreData(
      conn.db,
      filters("dataset=firecracker-nsdi2020&baseline=qemu-kvm&runtime=firecracker"),
    );
    expect(one.table.rows.length).toBeGreaterThan(0);
    for (const row of one.table.rows) expect(both.table.rows).toContain(row);
    for (const view of [both, one]) expect(view.table).toEqual(toOverheadRows(view.series, "qemu-kvm"));
  });

  it("writes the API body as ASCII JSON, the same text as serialising it whole", async () => {
    const data = await getExploreData(conn.db, filters("dataset=firecracker-nsdi2020&baseline=qemu-kvm"));
    const text = overheadJson(data.selection!, data.table.rows);
    expect(text).toBe(JSON.stringify(overheadBody(data.selection!, data.table.rows)));
    expect(text).toMatch(/^[\x20-\x7e]+$/);
    expect(overheadJson(data.selection!, data.table.rows)).toBe(text);
  });
});
