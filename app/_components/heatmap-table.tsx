import { formatInterval, runtimeLabel } from "@/lib/format";
import type { HeatCell as HeatmapCell, HeatmapRow } from "@/lib/overview/heatmap";
import { HeatCell, NoDataCell } from "./heat-cell";
import { DataTableHead } from "@/components/ui/data-table-head";

export interface HeatmapTableProps {
  categories: string[];
  rows: HeatmapRow[];
  /** Link of a cell: the explore view of that runtime and the cell's workloads. */
  hrefOf: (row: HeatmapRow, cell: HeatmapCell) => string;
}

/** Runtime × category heatmap as an accessible table: colour plus the number, n and interval. */
export function HeatmapTable({ categories, rows, hrefOf }: HeatmapTableProps) {
  return (
    <table className="data-table" aria-label="Geometric-mean overhead by runtime and category">
      <DataTableHead columns={[{ label: "Runtime" }, ...categories.map((c) => ({ label: c, numeric: true }))]} />
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className="font-normal whitespace-nowrap">
              {runtimeLabel(row.runtime, row.version, row.variant)}
            </th>
            {categories.map((c) => {
              const cell = row.cells[c];
              if (!cell) return <NoDataCell key={c} />;
              return (
                <HeatCell
                  key={c}
                  overheadPct={cell.overheadPct}
                  detail={`${cell.workloads} workload${cell.workloads > 1 ? "s" : ""}, ${cell.minN === 1 ? "n = 1" : `n ≥ ${cell.minN}`}`}
                  interval={
                    cell.minN === 1
                      ? "no interval"
                      : formatInterval(cell.ciLowPct, cell.ciHighPct, cell.minN, cell.minN)
                  }
                  href={hrefOf(row, cell)}
                />
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
