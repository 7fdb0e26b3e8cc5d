import type { Metadata } from "next";
import { checkLink } from "@/app/_lib/canonical-link";
import { exploreMetadata } from "@/app/_lib/shared-metadata";
import { Notices } from "@/components/notices";
import { db } from "@/db";
import { getExploreData } from "@/db/queries/explore";
import { getExploreView } from "@/db/queries/explore-view";
import { listImports } from "@/db/queries/facets";
import { loadFilters, type PageSearchParams } from "@/lib/search-params";
import { isWarning, runtimeIdsOf } from "@/lib/explore/selection";
import { summarizeView } from "@/lib/share/view-summary";
import { CiteView } from "./_components/cite-view";
import { CopyLink } from "./_components/copy-link";
import { ExploreQueryProvider } from "./_components/explore-query";
import { ExploreViews } from "./_components/explore-views";
import { FilterBar } from "./_components/filter-bar";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: PageSearchParams }): Promise<Metadata> {
  return exploreMetadata(await searchParams);
}

export default async function ExplorePage({ searchParams }: { searchParams: PageSearchParams }) {
  const raw = await searchParams;
  const linkNotices = checkLink("/explore", raw);
  const filters = loadFilters(raw);
  const [data, imports] = await Promise.all([getExploreData(db, filters, raw), listImports(db)]);
  if (!data.selection || !data.facets)
    return (
      <>
        <h1>Explore</h1>
        <Notices notices={[...linkNotices, ...data.notices]} />
        <p>
          No samples imported yet. Run <code>npm run ingest -- PATH</code>, or <code>npm run setup</code> for the
          bundled data.
        </p>
      </>
    );
  const { selection, facets } = data;
  const view = await getExploreView(db, { ...data, selection });
  const latestImport = imports[0]?.id ?? null;
  return (
    <>
      <div className="mb-2 flex flex-wrap items-baseline gap-4">
        <h1 className="m-0">Explore</h1>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {selection.dataset} on {selection.host}
          {selection.asof !== null && `, as of import #${selection.asof}`}
        </span>
      </div>
      <Notices notices={[...linkNotices, ...data.notices]} />
      <ExploreQueryProvider>
        <FilterBar
          datasets={data.datasets.map((d) => d.name)}
          hosts={facets.hosts}
          runtimes={runtimeIdsOf(facets)}
          // Only the fields the controls show: props are serialised into the page's payload.
          workloads={facets.workloads.map(({ name, category }) => ({ name, category }))}
          metrics={facets.metrics.map(({ name, unit }) => ({ name, unit }))}
          imports={imports.map((i) => ({ id: i.id, startedAt: i.startedAt.toISOString() }))}
          selection={selection}
        />
        <div className="mb-4 flex flex-col gap-2">
          <CopyLink selection={selection} latestImport={latestImport} />
          <CiteView
            selection={selection}
            latestImport={latestImport}
            title={summarizeView(selection, data.table.rows).title}
          />
        </div>
        <ExploreViews
          served={view}
          servedFor={filters}
          latestImport={latestImport}
          fetchAhead={!data.notices.some(isWarning)}
        />
      </ExploreQueryProvider>
    </>
  );
}
