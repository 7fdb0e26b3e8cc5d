import type { Columns, OverheadViewRow } from "@/lib/explore/rows";
import type { SkippedSummary } from "@/lib/explore/view";
import { runtimeLabel } from "@/lib/format";
import type { Filters } from "@/lib/search-params";
import { OverheadPanel } from "./overhead-panel";

export function OverheadSection({
  columns,
  skipped,
  filters,
}: {
  columns: Columns<OverheadViewRow>;
  skipped: SkippedSummary | null;
  filters: Filters;
}) {
  const { baseline } = filters;
  if (columns.runtime.length === 0)
    return <p>No samples match these filters with a {runtimeLabel(baseline)} measurement to compare against.</p>;
  return (
    <section aria-labelledby="overhead-heading">
      <h2 id="overhead-heading">Overhead against {runtimeLabel(baseline)}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Overhead = cost ratio − 1, where cost is the value when lower is better and 1/value when higher is better: +100
        % means twice the time or half the throughput of {runtimeLabel(baseline)}. Ratio of geometric means; 95 %
        interval from a Welch t test on log values, shown only when both sides have n ≥ 2.
      </p>
      <OverheadPanel columns={columns} baseline={baseline} filters={filters} />
      {skipped && (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Not shown: {skipped.count} series without a ratio ({skipped.reasons.join("; ")}), for example{" "}
          {runtimeLabel(skipped.example.runtime)} on {skipped.example.workload}. The absolute view shows them.
        </p>
      )}
    </section>
  );
}
