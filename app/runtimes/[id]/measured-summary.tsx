import Link from "next/link";
import { HeatmapTable } from "@/app/_components/heatmap-table";
import { db } from "@/db";
import { getExploreData } from "@/db/queries/explore";
import type { RuntimeAppearance } from "@/db/queries/runtime-appearances";
import { toHeatmap } from "@/lib/overview/heatmap";
import { runtimeLabel } from "@/lib/format";
import { loadFilters, serializeFilters } from "@/lib/search-params";

/** Per dataset and host where both this runtime and runc ran: category overheads, linked to explore. */
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
      {sections.map(({ place, filters, data, heatmap }) => (
        <section key={`${place.dataset}|${place.host}`} aria-label={`Measured in ${place.dataset}`} className="mb-6">
          <h3 className="font-medium">
            {place.dataset} on {place.host}
          </h3>
          {!data.baselineHasData ? (
            <p className="text-sm">
              runc was not measured here, so there is no comparison against it.{" "}
              <Link href={serializeFilters("/explore", { ...filters, baseline: "runc" })}>Explore this dataset</Link>{" "}
              with another baseline.
            </p>
          ) : heatmap.rows.length === 0 ? (
            <p className="text-sm">No workload was measured under both {runtimeLabel(runtime)} and runc.</p>
          ) : (
            <HeatmapTable
              categories={heatmap.categories}
              rows={heatmap.rows}
              hrefOf={(row, cell) =>
                serializeFilters("/explore", {
                  ...filters,
                  runtime: [row.runtime],
                  workload: cell.rows.map((r) => r.workload),
                })
              }
            />
          )}
        </section>
      ))}
    </>
  );
}
