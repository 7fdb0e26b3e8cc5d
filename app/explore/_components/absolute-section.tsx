import { toAbsolutePanels } from "@/lib/chart-data";
import { toCsv } from "@/lib/csv";
import { formatValue, runtimeLabel } from "@/lib/format";
import type { SeriesStats } from "@/lib/overhead-rows";
import type { Filters } from "@/lib/search-params";
import { AbsoluteChartPanel } from "./interactive-chart";
import { SourceLinks } from "./overhead-table";

const CSV_COLUMNS = ["runtime", "version", "variant", "workload", "metric", "unit", "n", "mean", "sd", "ciLow", "ciHigh"] as const;
/** Enough panels for a focused view; more would bury the page (filter by workload to see others). */
const MAX_PANELS = 24;

export function AbsoluteSection({ series, baseline, filters }: { series: SeriesStats[]; baseline: string; filters: Filters }) {
  if (series.length === 0) return <p>No samples match these filters.</p>;
  const panels = toAbsolutePanels(series, baseline);
  return (
    <section aria-labelledby="absolute-heading">
      <h2 id="absolute-heading">Measured values</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Bars are means with 95 % t intervals (n ≥ 2); dots are the individual repetitions. Click a dot for its raw file.
        {panels.length > MAX_PANELS && ` Showing ${MAX_PANELS} of ${panels.length} workloads; pick workloads in the filters to see others.`}
      </p>
      {panels.slice(0, MAX_PANELS).map((panel) => {
        const rows = series.filter((s) => s.workload === panel.workload && s.metric === panel.metric);
        const csv = toCsv(CSV_COLUMNS, rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((c) => [c, r[c]])) as Record<(typeof CSV_COLUMNS)[number], string | number | null>));
        return (
          <article key={panel.key} className="mb-8">
            <h3 className="mb-1 font-medium">
              {panel.workload} <span className="font-normal text-zinc-500">· {panel.metric} ({panel.direction} is better)</span>
            </h3>
            <AbsoluteChartPanel
              panel={panel}
              filters={filters}
              csv={csv}
              fileName={`${panel.workload}-${panel.metric}`.replace(/[^A-Za-z0-9._-]+/g, "_")}
              label={`${panel.metric} of ${panel.workload} for ${panel.bars.length} runtimes; the table below lists every value.`}
            />
            <table className="data-table" aria-label={`${panel.workload} ${panel.metric}`}>
              <thead>
                <tr>
                  <th scope="col">Runtime</th>
                  <th scope="col" className="num">n</th>
                  <th scope="col" className="num">Mean</th>
                  <th scope="col" className="num">SD</th>
                  <th scope="col" className="num">95 % interval of the mean</th>
                  <th scope="col">Sources</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.runtime}|${r.version}|${r.variant}`}>
                    <th scope="row" className="font-normal">{runtimeLabel(r.runtime, r.version, r.variant)}</th>
                    <td className="num">{r.n}</td>
                    <td className="num">{formatValue(r.mean, r.unit)}</td>
                    <td className="num">{r.sd === null ? "—" : formatValue(r.sd, r.unit)}</td>
                    <td className="num">{r.ciLow === null || r.ciHigh === null ? "n = 1, no interval" : `${formatValue(r.ciLow, r.unit)} to ${formatValue(r.ciHigh, r.unit)}`}</td>
                    <td>
                      <SourceLinks ids={r.values.map((v) => v.sourceFileId)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        );
      })}
    </section>
  );
}
