import Link from "next/link";
import type { RankedRuntime } from "@/lib/guide/ranking";
import type { OverheadRow } from "@/lib/overhead/rows";
import { RankedTable } from "./ranked-table";

export interface RankingTableProps {
  ranked: RankedRuntime[];
  /** Explore permalink of one measured row. */
  hrefOf: (row: OverheadRow) => string;
}

/** The ranking within one dataset, each runtime explained by the measured rows that weigh most. */
export function RankingTable({ ranked, hrefOf }: RankingTableProps) {
  return (
    <RankedTable
      ranked={ranked}
      explanation="Why: the measured rows that weigh most"
      noInterval={() => "no interval (some part has n = 1)"}
      explain={(r) => (
        <ul aria-label={`Explanations for ${r.label}`} className="m-0 list-none space-y-1 p-0">
          {r.explanations.map((e) => (
            <li key={e.text}>
              <Link href={hrefOf(e.row)}>{e.text}</Link>
            </li>
          ))}
        </ul>
      )}
    />
  );
}
