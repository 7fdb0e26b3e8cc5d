import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPaths } from "@/db/ingest/import-paths";
import { nameHostSeries, type HostSeriesRow, type StoredSeries } from "@/db/series-row";
import { inSelection } from "@/lib/explore/selection";
import { overheadBody, overheadBytes, overheadJson } from "@/lib/overhead/json-body";
import { keepPrimaryMetrics, toOverheadRows, toSeriesStats, type SeriesIdentity } from "@/lib/overhead/rows";
import { loadFilters, loadSynthesisFilters } from "@/lib/search-params";
import { hostFromRows } from "@/lib/synthesis/studies";
import { synthesize } from "@/lib/synthesis/synthesize";
import { parseOverheadQuery, prepareOverheadQuery } from "@/scripts/perf/overhead-query";
import { viewsInTurn } from "@/scripts/perf/permalinks";
import { prepareFixtures, runtimesFor, writeHostCorpus } from "@/scripts/perf/synthetic-corpus";
import { importPublicDatasets } from "@/test/public-datasets";
import { createTestDb } from "@/test/test-db";
import { getExploreData } from "./explore";
import { listDatasetHosts, listDatasets } from "./series";
import { getSynthesisData } from "./synthesis";

// Views computed from the kept host summaries (lib/overhead/host-summary.ts) against the
// computation they replaced, which read and filtered every series of the host for each view
// (scripts/perf/overhead-query.ts keeps it as bench:perf's floor): generated data, where every
// runtime measured the same metrics, and the public datasets, where they did not.
describe("views from host summaries, against the whole host's series filtered per view", () => {
  const conn = createTestDb();
  const corpus = mkdtempSync(join(tmpdir(), "hvscope-summary-views-"));
  const old = prepareOverheadQuery(conn.client);
  /** Every (dataset, host) pair and its runtimes. */
  let hosts: { dataset: string; host: string; runtimes: string[] }[] = [];
  const decoder = new TextDecoder();

  beforeAll(async () => {
    const { usable } = prepareFixtures(7);
    for (let d = 0; d < 2; d++)
      writeHostCorpus({
        dir: join(corpus, `d${d}`),
        dataset: `synthetic-summary-${d}`,
        host: "synthetic-host-1",
        runtimes: runtimesFor(d, 7),
        repetitions: 2,
        fixtures: usable,
        seed: d + 1,
        seen: new Set(),
        // The last runtime of the second dataset stops half-way: its workloads' metrics differ.
        maxFiles: d === 1 ? usable.length * 13 : undefined,
      });
    const result = await importPaths(conn, [corpus]);
    expect(result.failed).toEqual([]);
    await importPublicDatasets(conn);
    hosts = conn.client
      .prepare(
        `SELECT d.name AS dataset, h.name AS host, group_concat(DISTINCT s.runtime_id) AS runtimes
         FROM series s JOIN datasets d ON s.dataset_id = d.id JOIN hosts h ON s.host_id = h.id GROUP BY d.name, h.name`,
      )
      .all()
      .map((r) => {
        const { dataset, host, runtimes } = r as { dataset: string; host: string; runtimes: string };
        return { dataset, host, runtimes: runtimes.split(",") };
      });
  }, 180_000);
  afterAll(() => {
    conn.cleanup();
    rmSync(corpus, { recursive: true, force: true });
  });

  /** A host's whole series list, as every view used to read it (the floor's query). */
  function storedSeries(dataset: string, host: string): StoredSeries[] {
    const rows = old.series.all(Number.MAX_SAFE_INTEGER, dataset, host) as HostSeriesRow[];
    const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((r) => [r.id, r]));
    return nameHostSeries(
      rows,
      byId(old.workloads.all() as { id: number; name: string; category: string; tool: string }[]),
      byId(old.metrics.all() as { id: number; name: string; unit: string; direction: SeriesIdentity["direction"] }[]),
    );
  }

  /** The old computation of a view: the whole list filtered, headline metrics kept, statistics, rows. */
  function oldView(stored: readonly StoredSeries[], query: string) {
    const q = parseOverheadQuery(new URLSearchParams(query));
    const series = keepPrimaryMetrics(stored.filter(inSelection(q)), q.metric).map(toSeriesStats);
    return { series, body: overheadBody(q, toOverheadRows(series, q.baseline).rows) };
  }

  it("gives every permalink's series and API body as before: each runtime as baseline with every subset of the others, each metric, each workload", async () => {
    let compared = 0;
    for (const { dataset, host, runtimes } of hosts) {
      const base = new URLSearchParams({ dataset, host, view: "overhead" });
      const views = runtimes.length >= 2 && runtimes.length <= 7 ? viewsInTurn(base, runtimes) : [];
      const stored = storedSeries(dataset, host);
      for (const baseline of runtimes.slice(0, 2)) {
        for (const metric of new Set(stored.map((s) => s.metric)))
          views.push(new URLSearchParams({ dataset, host, baseline, metric }).toString());
        for (const workload of new Set(stored.map((s) => s.workload)))
          views.push(new URLSearchParams({ dataset, host, baseline, workload }).toString());
      }
      for (const query of views) {
        const data = await getExploreData(conn.db, loadFilters(new URLSearchParams(query)), {});
        if (!data.selection) throw new Error(`no selection for ${query}`);
        expect(
          data.notices.filter((n) => n.level !== "info"),
          query,
        ).toEqual([]);
        const before = oldView(stored, query);
        expect(data.series, query).toEqual(before.series);
        const json = overheadJson(data.selection, data.table.rows);
        expect(JSON.parse(json), query).toEqual(before.body);
        expect(decoder.decode(overheadBytes(data.selection, data.table.rows)), query).toBe(json);
        compared++;
      }
    }
    // 2 generated hosts with 7 runtimes (441 views each) plus their metrics and workloads, and the public hosts.
    expect(compared).toBeGreaterThan(1000);
  }, 300_000);

  it("pools the same synthesis, for each baseline, with and without indirect evidence", async () => {
    // In the order the synthesis reads hosts: datasets with most samples first, each dataset's hosts by name.
    const sorted: { dataset: string; host: string }[] = [];
    for (const { name: dataset } of await listDatasets(conn.db, null))
      for (const host of await listDatasetHosts(conn.db, dataset, null)) sorted.push({ dataset, host });
    expect(sorted).toHaveLength(hosts.length);
    const oldHosts = sorted.map(({ dataset, host }) => {
      const stored = storedSeries(dataset, host);
      const headline = keepPrimaryMetrics(stored, null).map(toSeriesStats);
      return hostFromRows({ dataset, host, runtimes: [...new Set(stored.map((s) => s.runtime))] }, (reference) =>
        headline.some((s) => s.runtime === reference) ? toOverheadRows(headline, reference).rows : null,
      );
    });
    for (const baseline of ["runc", "bare-metal", "crun"])
      for (const indirect of ["1", "0"]) {
        const filters = loadSynthesisFilters(new URLSearchParams({ baseline, indirect }));
        const { synthesis } = await getSynthesisData(conn.db, filters);
        expect(synthesis, `${baseline} indirect=${indirect}`).toEqual(
          synthesize(oldHosts, { baseline, includeIndirect: indirect === "1" }),
        );
      }
  });
});
