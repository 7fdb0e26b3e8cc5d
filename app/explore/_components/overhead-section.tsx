import { toOverheadColumns } from "@/lib/explore-rows";
import { runtimeLabel } from "@/lib/format";
import type { OverheadTable, SourcedOverheadRow } from "@/lib/overhead-rows";
import type { Filters } from "@/lib/search-params";
import { OverheadPanel } from "./overhead-panel";

export function OverheadSection({ table, baseline, filters }: { table: OverheadTable<SourcedOverheadRow>; baseline: string; filters: Filters }) {
  if (table.rows.length === 0)
    return <p>No samples match these filters with a {runtimeLabel(baseline)} measurement to compare against.</p>;
  return (
    <section aria-labelledby="overhead-heading">
      <h2 id="overhead-heading">Overhead against {runtimeLabel(baseline)}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Overhead = cost ratio − 1, where cost is the value when lower is better and 1/value when higher is better: +100 % means twice
        the time or half the throughput of {runtimeLabel(baseline)}. Ratio of geometric means; 95 % interval from a Welch t test on log
        values, shown only when both sides have n ≥ 2.
      </p>
      <OverheadPanel columns={toOverheadColumns(table.rows)} baseline={baseline} filters={filters} />
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
