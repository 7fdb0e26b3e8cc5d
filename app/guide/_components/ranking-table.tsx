import Link from "next/link";
import type { RankedRuntime } from "@/lib/guide/ranking";
import type { OverheadRow } from "@/lib/overhead/rows";
import { DataTableHead } from "@/components/ui/data-table-head";
import { ProsAndCons, RANKING_TABLE_CLASS, RankedRuntimeCells, WeightedOverheadCell } from "./ranked-cells";

export interface RankingTableProps {
  ranked: RankedRuntime[];
  /** Explore permalink of one measured row. */
  hrefOf: (row: OverheadRow) => string;
}

/** The ranking within one dataset with isolation, weighted overhead, coverage, and the rows that explain it. */
export function RankingTable({ ranked, hrefOf }: RankingTableProps) {
  return (
    <table className={RANKING_TABLE_CLASS} aria-label="Runtimes ranked for this case">
      <DataTableHead
        columns={[
          { label: "Rank", numeric: true },
          { label: "Runtime" },
          { label: "Isolation" },
          { label: "Weighted overhead (95 % interval)", numeric: true },
          { label: "Why: the measured rows that weigh most" },
        ]}
      />
      <tbody>
        {ranked.map((r, i) => (
          <tr key={r.key} className={r.belowMinIsolation ? "opacity-60" : undefined}>
            <RankedRuntimeCells r={r} rank={i + 1} />
            <WeightedOverheadCell r={r} noInterval="no interval (some part has n = 1)" />
            <td>
              <ul aria-label={`Explanations for ${r.label}`} className="m-0 list-none space-y-1 p-0">
                {r.explanations.map((e) => (
                  <li key={e.text}>
                    <Link href={hrefOf(e.row)}>{e.text}</Link>
                  </li>
                ))}
              </ul>
              <ProsAndCons r={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
