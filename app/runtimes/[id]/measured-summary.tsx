import Link from "next/link";
import { HeatmapTable } from "@/app/_components/heatmap-table";
import { db } from "@/db";
import { getExploreData } from "@/db/queries/explore";
import type { RuntimeAppearance } from "@/db/queries/runtime-appearances";
import { toHeatmap } from "@/lib/overview/heatmap";
import { runtimeLabel } from "@/lib/format";
import { referenceRuntime, runtimeIdsOf } from "@/lib/explore/selection";
import { DEFAULT_BASELINE, loadFilters, serializeFilters, type Filters } from "@/lib/search-params";

/**
 * Per dataset and host where this runtime ran: category overheads against runc, or against the
 * dataset's reference runtime where runc was not measured (lib/explore/selection.ts), linked to explore.
 */
export async function MeasuredSummary({ runtime, appearances }: { runtime: string; appearances: RuntimeAppearance[] }) {
  const places = [...new Map(appearances.map((a) => [`${a.dataset}\u0000${a.host}`, a])).values()];
  if (places.length === 0)
    return (
      <p role="status">
        No data for {runtimeLabel(runtime)} yet. Measure it on your machine with{" "}
        <code>npm run bench -- --runtime {runtime}</code> (runc, crun and gVisor run directly; VM-based runtimes through{" "}
        <code>--engine</code>), or import a public dataset that covers it (README, &quot;Public datasets&quot;).
      </p>
    );
  const sections = await Promise.all(
    places.map(async (p) => {
      const filters = { ...loadFilters({}), dataset: p.dataset, host: p.host, runtime: [runtime] };
      const data = await getExploreData(db, filters);
      return { place: p, filters, data, heatmap: toHeatmap(data.table.rows) };
    }),
  );
  return (
    <>
      {sections.map(({ place, filters, data, heatmap }) => {
        const baseline = data.selection?.baseline ?? DEFAULT_BASELINE;
        const explore = (f: Partial<Filters>) => serializeFilters("/explore", { ...filters, baseline, ...f });
        return (
          <section key={`${place.dataset}|${place.host}`} aria-label={`Measured in ${place.dataset}`} className="mb-6">
            <h3 className="font-medium">
              {place.dataset} on {place.host}
            </h3>
            {baseline !== DEFAULT_BASELINE && data.baselineHasData && (
              <p role="note" className="text-sm text-zinc-600 dark:text-zinc-400">
                {runtimeLabel(DEFAULT_BASELINE)} was not measured here, so this compares against{" "}
                {runtimeLabel(baseline)}, the dataset&apos;s reference runtime.
              </p>
            )}
            {!data.baselineHasData ? (
              <p className="text-sm">
                {runtimeLabel(baseline)} has no samples here, so there is nothing to compare against.{" "}
                <Link href={explore({})}>Explore this dataset</Link> with another baseline.
              </p>
            ) : heatmap.rows.length === 0 ? (
              <p className="text-sm">
                {runtime === baseline ? (
                  <BaselineOwnPage
                    runtime={runtime}
                    others={runtimeIdsOf(data.facets ?? { runtimes: [] }).filter((r) => r !== runtime)}
                    explore={explore}
                  />
                ) : (
                  <>
                    No workload was measured under both {runtimeLabel(runtime)} and {runtimeLabel(baseline)}.
                  </>
                )}
              </p>
            ) : (
              <HeatmapTable
                categories={heatmap.categories}
                rows={heatmap.rows}
                hrefOf={(row, cell) => explore({ runtime: [row.runtime], workload: cell.rows.map((r) => r.workload) })}
                baseline={baseline}
              />
            )}
          </section>
        );
      })}
    </>
  );
}

/** The baseline's own section: it costs nothing against itself; its cost shows against another baseline. */
function BaselineOwnPage({
  runtime,
  others,
  explore,
}: {
  runtime: string;
  others: string[];
  explore: (f: Partial<Filters>) => string;
}) {
  const other = referenceRuntime(others);
  return (
    <>
      {runtimeLabel(runtime)} is the baseline here:{" "}
      <Link href={explore({ runtime: [] })}>every other runtime of this dataset against it</Link>.
      {other !== null && (
        <>
          {" "}
          Choose another baseline to see its cost:{" "}
          <Link href={explore({ runtime: [runtime], baseline: other })}>
            {runtimeLabel(runtime)} against {runtimeLabel(other)}
          </Link>
          .
        </>
      )}
    </>
  );
}
