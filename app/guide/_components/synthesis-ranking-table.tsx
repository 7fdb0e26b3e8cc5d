import { noIntervalReason } from "@/lib/guide/evidence-notes";
import type { SynthesisRanked } from "@/lib/guide/synthesis-ranking";
import type { SynthesisView } from "@/lib/synthesis/study-links";
import { CategoryEvidenceItem } from "./category-evidence";
import { RankedTable } from "./ranked-table";

/** The ranking on the synthesis: per runtime its weighted overhead and each category's evidence. */
export function SynthesisRankingTable({ ranked, view }: { ranked: SynthesisRanked[]; view: SynthesisView }) {
  return (
    <RankedTable
      ranked={ranked}
      explanation="Per category: pooled value, k studies, the datasets behind it"
      noInterval={(r) => noIntervalReason(r) ?? "no interval"}
      explain={(r) =>
        r.isBaseline ? (
          <span className="text-sm text-zinc-600 dark:text-zinc-400">the baseline every value is against</span>
        ) : (
          <ul aria-label={`Evidence for ${r.label}`} className="m-0 list-none space-y-1.5 p-0">
            {r.evidence.map((e) => (
              <CategoryEvidenceItem key={e.category} runtime={r.runtime} evidence={e} view={view} />
            ))}
          </ul>
        )
      }
    />
  );
}
