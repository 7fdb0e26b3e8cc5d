import Link from "next/link";
import { DataTableHead } from "@/components/ui/data-table-head";
import { formatInterval, runtimeLabel } from "@/lib/format";
import type { SynthesisCell, SynthesisHeatRow } from "@/lib/synthesis/cells";
import { HeatCell, NoDataCell } from "./heat-cell";

export interface SynthesisHeatmapTableProps {
  categories: string[];
  rows: SynthesisHeatRow[];
  /** The forest plot behind a cell. */
  hrefOf: (row: SynthesisHeatRow, category: string) => string;
}

/** Runtime × category across datasets: each cell the pooled overhead with k and its interval. */
export function SynthesisHeatmapTable({ categories, rows, hrefOf }: SynthesisHeatmapTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table" aria-label="Pooled overhead by runtime and category, across datasets">
        <DataTableHead columns={[{ label: "Runtime" }, ...categories.map((c) => ({ label: c, numeric: true }))]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="font-normal whitespace-nowrap">
                <Link href={`/runtimes/${encodeURIComponent(row.runtime)}`}>
                  {runtimeLabel(row.runtime, null, row.variant)}
                </Link>
              </th>
              {categories.map((c) => {
                const cell = row.cells[c];
                if (!cell) return <NoDataCell key={c} />;
                return (
                  <HeatCell
                    key={c}
                    overheadPct={cell.overheadPct}
                    detail={evidenceOf(cell)}
                    interval={cell.pooled ? formatInterval(cell.ciLowPct, cell.ciHighPct, 2, 2) : "no interval"}
                    href={hrefOf(row, c)}
                    dashed={cell.indirect}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "k = 3", "k = 1, indirect", "n = 1, not pooled". */
function evidenceOf(cell: SynthesisCell): string {
  const kind = cell.indirect ? ", indirect" : "";
  if (!cell.pooled) return `n = 1, not pooled${kind}`;
  return `k = ${cell.k}${kind}`;
}
