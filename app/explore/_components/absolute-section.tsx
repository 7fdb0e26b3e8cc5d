import { toAbsolutePanels } from "@/lib/chart-data";
import { toAbsoluteViewSeries } from "@/lib/explore-rows";
import type { SeriesSamples } from "@/lib/overhead-rows";
import type { Filters } from "@/lib/search-params";
import { AbsolutePanel } from "./absolute-panel";

/** The first panels' series (lib/chart-data.ts firstPanels) and how many panels the view has. */
export function AbsoluteSection({ series, totalPanels, baseline, filters }: { series: SeriesSamples[]; totalPanels: number; baseline: string; filters: Filters }) {
  if (series.length === 0) return <p>No samples match these filters.</p>;
  const shown = toAbsoluteViewSeries(series);
  const panels = toAbsolutePanels(shown, baseline);
  return (
    <section aria-labelledby="absolute-heading">
      <h2 id="absolute-heading">Measured values</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Bars are means with 95 % t intervals (n ≥ 2); dots are the individual repetitions. Click a dot for its raw file.
        {totalPanels > panels.length && ` Showing ${panels.length} of ${totalPanels} workloads; pick workloads in the filters to see others.`}
      </p>
      {panels.map((panel) => (
        <article key={panel.key} className="mb-8">
          <h3 className="mb-1 font-medium">
            {panel.workload} <span className="font-normal text-zinc-500">· {panel.metric} ({panel.direction} is better)</span>
          </h3>
          <AbsolutePanel series={shown.filter((s) => s.workload === panel.workload && s.metric === panel.metric)} baseline={baseline} filters={filters} />
        </article>
      ))}
    </section>
  );
}
