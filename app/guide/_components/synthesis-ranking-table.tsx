import { DataTableHead } from "@/components/ui/data-table-head";
import { noIntervalReason } from "@/lib/guide/evidence-notes";
import type { SynthesisRanked } from "@/lib/guide/synthesis-ranking";
import type { SynthesisView } from "@/lib/synthesis/study-links";
import { CategoryEvidenceItem } from "./category-evidence";
import { ProsAndCons, RANKING_TABLE_CLASS, RankedRuntimeCells, WeightedOverheadCell } from "./ranked-cells";

/** The ranking on the synthesis: per runtime its weighted overhead and each category's evidence. */
export function SynthesisRankingTable({ ranked, view }: { ranked: SynthesisRanked[]; view: SynthesisView }) {
  return (
    <table className={RANKING_TABLE_CLASS} aria-label="Runtimes ranked for this case">
      <DataTableHead
        columns={[
          { label: "Rank", numeric: true },
          { label: "Runtime" },
          { label: "Isolation" },
          { label: "Weighted overhead (95 % interval)", numeric: true },
          { label: "Per category: pooled value, k studies, the datasets behind it" },
        ]}
      />
      <tbody>
        {ranked.map((r, i) => (
          <tr key={r.key} className={r.belowMinIsolation ? "opacity-60" : undefined}>
            <RankedRuntimeCells r={r} rank={i + 1} />
            <WeightedOverheadCell r={r} noInterval={noIntervalReason(r) ?? "no interval"} />
            <td>
              {r.isBaseline ? (
                <span className="text-sm text-zinc-500">the baseline every value is against</span>
              ) : (
                <ul aria-label={`Evidence for ${r.label}`} className="m-0 list-none space-y-1.5 p-0">
                  {r.evidence.map((e) => (
                    <CategoryEvidenceItem key={e.category} runtime={r.runtime} evidence={e} view={view} />
                  ))}
                </ul>
              )}
              <ProsAndCons r={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
