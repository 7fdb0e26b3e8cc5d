import type { Metadata } from "next";
import Link from "next/link";
import { Notices } from "@/components/notices";
import { db } from "@/db";
import { getExploreData } from "@/db/queries/explore";
import { listImports } from "@/db/queries/facets";
import { listSeriesSamples, listSeriesSourceFiles, pointsBySeries } from "@/db/queries/series-samples";
import { firstPanels, MAX_PANELS } from "@/lib/chart-data";
import { runtimeLabel } from "@/lib/format";
import type { OverheadTable, SeriesStats } from "@/lib/overhead-rows";
import { loadFilters, serializeFilters, type Filters } from "@/lib/search-params";
import { AbsoluteSection } from "./_components/absolute-section";
import { CopyLink } from "./_components/copy-link";
import { FilterBar } from "./_components/filter-bar";
import { OverheadSection } from "./_components/overhead-section";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Explore" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ExplorePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const filters = loadFilters(raw);
  const [data, imports] = await Promise.all([getExploreData(db, filters, raw), listImports(db)]);
  if (!data.selection || !data.facets)
    return (
      <>
        <h1>Explore</h1>
        <Notices notices={data.notices} />
        <p>No samples imported yet. Run <code>npm run ingest -- PATH</code>, or <code>npm run setup</code> for the bundled dataset.</p>
      </>
    );
  const { selection, facets } = data;
  // The view's own filters, resolved: what drill-downs and links must reproduce.
  const resolved: Filters = { dataset: selection.dataset, host: selection.host, runtime: selection.runtimes, workload: selection.workloads, metric: selection.metric, baseline: selection.baseline, view: selection.view, asof: selection.asof, case: null, weights: null };
  const runtimeIds = [...new Set(facets.runtimes.map((r) => r.id))];
  return (
    <>
      <div className="mb-2 flex flex-wrap items-baseline gap-4">
        <h1 className="m-0">Explore</h1>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {selection.dataset} on {selection.host}
          {selection.asof !== null && `, as of import #${selection.asof}`}
        </span>
      </div>
      <Notices notices={data.notices} />
      <FilterBar
        datasets={data.datasets.map((d) => d.name)}
        hosts={facets.hosts}
        runtimes={runtimeIds}
        // Only the fields the controls show: props are serialised into the page's payload.
        workloads={facets.workloads.map(({ name, category }) => ({ name, category }))}
        metrics={facets.metrics.map(({ name, unit }) => ({ name, unit }))}
        imports={imports.map((i) => ({ id: i.id, startedAt: i.startedAt.toISOString() }))}
        selection={selection}
      />
      <div className="mb-4">
        <CopyLink selection={selection} latestImport={imports[0]?.id ?? null} />
      </div>
      {selection.view === "overhead" && !data.baselineHasData ? (
        <BaselineMissing baseline={selection.baseline} runtimes={runtimeIds} filters={resolved} />
      ) : selection.view === "overhead" ? (
        <OverheadSection table={await withSourceFiles(data.table, selection.asof)} baseline={selection.baseline} filters={resolved} />
      ) : (
        <AbsoluteSection {...await withSamples(data.series, selection.asof)} baseline={selection.baseline} filters={resolved} />
      )}
    </>
  );
}

/** The raw files behind each row, for its provenance links. */
async function withSourceFiles(table: OverheadTable, asof: number | null) {
  const files = await listSeriesSourceFiles(db, table.rows.map((r) => r.seriesId), asof);
  return { ...table, rows: table.rows.map((r) => ({ ...r, sourceFileIds: files.get(r.seriesId) ?? [] })) };
}

/** Every repetition of the series the absolute view draws (its first panels), for their points. */
async function withSamples(series: SeriesStats[], asof: number | null) {
  const { shown, total } = firstPanels(series, MAX_PANELS);
  const points = pointsBySeries(await listSeriesSamples(db, shown.map((s) => s.seriesId), asof));
  return { series: shown.map((s) => ({ ...s, values: points.get(s.seriesId) ?? [] })), totalPanels: total };
}

function BaselineMissing({ baseline, runtimes, filters }: { baseline: string; runtimes: string[]; filters: Filters }) {
  return (
    <div role="status" className="rounded border border-zinc-300 p-3 dark:border-zinc-700">
      <p className="m-0 mb-2">
        {runtimeLabel(baseline)} has no samples in this selection, so there is nothing to compare against. Use one of the runtimes that do
        as the baseline:
      </p>
      <ul className="m-0 flex flex-wrap gap-3 p-0">
        {runtimes.map((r) => (
          <li key={r} className="list-none">
            <Link href={serializeFilters("/explore", { ...filters, baseline: r })}>{runtimeLabel(r)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
