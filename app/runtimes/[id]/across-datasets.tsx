import Link from "next/link";
import { SynthesisHeatmapTable } from "@/app/_components/synthesis-heatmap-table";
import { db } from "@/db";
import { getSynthesisData } from "@/db/queries/synthesis";
import { runtimeLabel } from "@/lib/format";
import { referenceRuntime } from "@/lib/explore/selection";
import { loadSynthesisFilters, serializeSynthesis } from "@/lib/search-params";
import { toSynthesisHeatmap } from "@/lib/synthesis/cells";
import { forestHref } from "@/lib/synthesis/study-links";

/** The runtime's pooled overhead per category against runc, across every dataset, each cell to its forest plot. */
export async function AcrossDatasets({ runtime }: { runtime: string }) {
  const filters = { ...loadSynthesisFilters({}), runtime: [runtime] };
  if (runtime === filters.baseline) {
    const { runtimes } = await getSynthesisData(db, filters);
    const other = referenceRuntime(runtimes.filter((r) => r !== runtime));
    return (
      <p>
        {runtimeLabel(runtime)} is the baseline every runtime is compared with, so it has no cost of its own here.
        {other !== null && (
          <>
            {" "}
            Choose another baseline to see its cost:{" "}
            <Link href={serializeSynthesis("/synthesis", { ...filters, baseline: other })}>
              {runtimeLabel(runtime)} against {runtimeLabel(other)}, across datasets
            </Link>
            .
          </>
        )}
      </p>
    );
  }
  const { synthesis } = await getSynthesisData(db, filters);
  const heatmap = toSynthesisHeatmap(synthesis.rows);
  if (heatmap.rows.length === 0)
    return <p>No dataset compares {runtimeLabel(runtime)} with runc, directly or through another runtime.</p>;
  return (
    <>
      <SynthesisHeatmapTable
        categories={heatmap.categories}
        rows={heatmap.rows}
        hrefOf={(row, category) => forestHref(row.runtime, category, filters)}
        baseline={filters.baseline}
      />
      <p className="text-sm">
        <Link href={serializeSynthesis("/synthesis", filters)}>Every study behind these numbers (forest plots)</Link>
      </p>
    </>
  );
}
