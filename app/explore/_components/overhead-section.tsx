import { toOverheadBars } from "@/lib/chart-data";
import { toCsv } from "@/lib/csv";
import { formatPct, runtimeLabel } from "@/lib/format";
import type { OverheadTable as Table } from "@/lib/overhead-rows";
import type { Filters } from "@/lib/search-params";
import { OverheadChartPanel } from "./interactive-chart";
import { OverheadTable } from "./overhead-table";

const CSV_COLUMNS = ["runtime", "version", "variant", "workload", "metric", "unit", "direction", "n", "baselineN", "mean", "sd", "baselineMean", "overheadPct", "ciLowPct", "ciHighPct"] as const;

export function OverheadSection({ table, baseline, filters }: { table: Table; baseline: string; filters: Filters }) {
  if (table.rows.length === 0)
    return <p>No samples match these filters with a {runtimeLabel(baseline)} measurement to compare against.</p>;
  const bars = toOverheadBars(table.rows);
  const csv = toCsv(CSV_COLUMNS, table.rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((c) => [c, r[c]])) as Record<(typeof CSV_COLUMNS)[number], string | number | null>));
  const top = table.rows[0]!;
  return (
    <section aria-labelledby="overhead-heading">
      <h2 id="overhead-heading">Overhead against {runtimeLabel(baseline)}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Overhead = cost ratio − 1, where cost is the value when lower is better and 1/value when higher is better: +100 % means twice
        the time or half the throughput of {runtimeLabel(baseline)}. Ratio of geometric means; 95 % interval from a Welch t test on log
        values, shown only when both sides have n ≥ 2.
      </p>
      <OverheadChartPanel
        bars={bars}
        filters={filters}
        csv={csv}
        fileName={`overhead-vs-${baseline}`}
        label={`Bar chart of overhead against ${runtimeLabel(baseline)} for ${bars.length} runtime and workload pairs; largest: ${top.runtime} on ${top.workload}, ${formatPct(top.overheadPct)}. The table below lists every value.`}
        caption="Click a bar for its samples and raw files."
      />
      <OverheadTable rows={table.rows} baseline={baseline} />
      {table.skipped.length > 0 && (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Not shown: {table.skipped.length} series without a ratio (
          {[...new Set(table.skipped.map((s) => s.reason))].join("; ")}), for example {runtimeLabel(table.skipped[0]!.series.runtime)} on{" "}
          {table.skipped[0]!.series.workload}. The absolute view shows them.
        </p>
      )}
    </section>
  );
}
