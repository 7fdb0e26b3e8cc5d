import { useMemo } from "react";
import { toAbsolutePanels } from "@/lib/explore/chart-data";
import type { AbsoluteViewSeries } from "@/lib/explore/rows";
import type { Filters } from "@/lib/search-params";
import { AbsolutePanel } from "./absolute-panel";
import { useFirstRows } from "./use-first-rows";

/** Panels drawn at once when the view appears in the browser (a screen holds one or two); the rest follow in a background render. */
const FIRST_PANELS = 4;

/** The first panels' series (lib/explore/chart-data.ts firstPanels) and how many panels the view has. */
export function AbsoluteSection({
  series,
  totalPanels,
  filters,
}: {
  series: AbsoluteViewSeries[];
  totalPanels: number;
  filters: Filters;
}) {
  const { baseline } = filters;
  const panels = useMemo(() => toAbsolutePanels(series, baseline), [series, baseline]);
  const drawn = useFirstRows(panels, FIRST_PANELS);
  if (series.length === 0) return <p>No samples match these filters.</p>;
  return (
    <section aria-labelledby="absolute-heading">
      <h2 id="absolute-heading">Measured values</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Bars are geometric means with 95 % intervals from a t interval on log values (n ≥ 2; never below zero); dots are
        the individual repetitions. Click a dot for its raw file.
        {totalPanels > panels.length &&
          ` Showing ${panels.length} of ${totalPanels} workloads; pick workloads in the filters to see others.`}
      </p>
      {drawn.map((panel) => (
        <article key={panel.key} className="mb-8">
          <h3 className="mb-1 font-medium">
            {panel.workload}{" "}
            <span className="font-normal text-zinc-600 dark:text-zinc-400">
              · {panel.metric} ({panel.direction} is better)
            </span>
          </h3>
          <AbsolutePanel
            panel={panel}
            series={series.filter((s) => s.workload === panel.workload && s.metric === panel.metric)}
            filters={filters}
          />
        </article>
      ))}
    </section>
  );
}
