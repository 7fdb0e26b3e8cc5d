import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPublicDatasets } from "@/test/public-datasets";
import { createTestDb } from "@/test/test-db";
import { MAX_PANELS } from "@/lib/explore/chart-data";
import { fromColumns } from "@/lib/explore/rows";
import { loadFilters } from "@/lib/search-params";
import { getExploreData } from "./explore";
import { getExploreView } from "./explore-view";

describe("getExploreView on the public datasets", () => {
  const conn = createTestDb();
  beforeAll(() => importPublicDatasets(conn), 60_000);
  afterAll(() => conn.cleanup());

  // As a page reads its URL: the filters, and the raw parameters (which say whether `baseline` was given).
  const viewOf = async (query: string) => {
    const params = new URLSearchParams(query);
    const data = await getExploreData(conn.db, loadFilters(params), Object.fromEntries(params));
    return getExploreView(conn.db, { ...data, selection: data.selection! });
  };

  it("sends the overhead table's rows with the raw files behind each, and the selection resolved", async () => {
    const { filters, body } = await viewOf("dataset=gvisor-website&workload=tmpfs fio.randread");
    expect(filters).toMatchObject({
      dataset: "gvisor-website",
      host: "gce-n1-standard-4",
      baseline: "runc",
      view: "overhead",
      workload: ["tmpfs fio.randread"],
    });
    if (body.kind !== "overhead") throw new Error(`expected the overhead view, got ${body.kind}`);
    const rows = fromColumns(body.columns);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ runtime: "runsc-ptrace", n: 1, baselineN: 1 });
    expect(rows[0]!.sourceFileIds.length).toBeGreaterThan(0);
  });

  it("sends the absolute view's first panels with every repetition of each series", async () => {
    const { filters, body } = await viewOf("dataset=gvisor-website&view=absolute");
    expect(filters.view).toBe("absolute");
    if (body.kind !== "absolute") throw new Error(`expected the absolute view, got ${body.kind}`);
    const panels = new Set(body.series.map((s) => `${s.workload}|${s.metric}`));
    expect(panels.size).toBe(Math.min(MAX_PANELS, body.totalPanels));
    for (const s of body.series) expect(s.values).toHaveLength(s.n);
  });

  it("offers the runtimes that could be the baseline when the baseline the link names has no samples", async () => {
    const { body } = await viewOf("dataset=firecracker-nsdi2020&baseline=runc");
    expect(body).toEqual({
      kind: "baseline-missing",
      runtimes: expect.arrayContaining(["bare-metal", "firecracker", "qemu-kvm"]),
    });
  });

  it("compares against the dataset's reference runtime when the link names no baseline, and its filters say which", async () => {
    const { filters, body } = await viewOf("dataset=firecracker-nsdi2020&runtime=firecracker");
    expect(filters).toMatchObject({ baseline: "bare-metal", runtime: ["firecracker"] });
    expect(body.kind).toBe("overhead");
  });

  it("summarises the series without a ratio", async () => {
    const { body } = await viewOf("dataset=firecracker-nsdi2020&baseline=bare-metal&runtime=firecracker");
    if (body.kind !== "overhead") throw new Error(`expected the overhead view, got ${body.kind}`);
    expect(body.skipped).toMatchObject({ reasons: ["no baseline"], example: { runtime: expect.any(String) } });
    expect(body.skipped!.count).toBeGreaterThan(0);
  });

  // The browser compares a view fetched as JSON with the server's copy of it (use-explore-view.ts).
  it("comes back from JSON unchanged, so a view fetched ahead equals the page's", async () => {
    for (const query of [
      "dataset=gvisor-website",
      "dataset=gvisor-website&view=absolute",
      "dataset=firecracker-nsdi2020&baseline=qemu-kvm",
    ]) {
      const view = await viewOf(query);
      expect(JSON.parse(JSON.stringify(view))).toStrictEqual(view);
    }
  });
});
