import Link from "next/link";
import { formatInterval, formatPct, runtimeLabel } from "@/lib/format";
import { heatColor, heatTextColor, type HeatCell, type HeatmapRow } from "@/lib/overview/heatmap";
import { DataTableHead } from "@/components/ui/data-table-head";

export interface HeatmapTableProps {
  categories: string[];
  rows: HeatmapRow[];
  /** Link of a cell: the explore view of that runtime and the cell's workloads. */
  hrefOf: (row: HeatmapRow, cell: HeatCell) => string;
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
              if (!cell)
                return (
                  <td key={c} className="num text-zinc-400">
                    no data
                  </td>
                );
              return (
                <td
                  key={c}
                  className="num p-0"
                  style={{ background: heatColor(cell.overheadPct), color: heatTextColor(cell.overheadPct) }}
                >
                  <Link
                    href={hrefOf(row, cell)}
                    className="block px-2 py-1.5 text-inherit no-underline hover:underline"
                  >
                    <span className="block font-medium">{formatPct(cell.overheadPct)}</span>
                    <span className="block text-xs opacity-80">
                      {cell.workloads} workload{cell.workloads > 1 ? "s" : ""},{" "}
                      {cell.minN === 1 ? "n = 1" : `n ≥ ${cell.minN}`}
                    </span>
                    <span className="block text-xs opacity-80">
                      {cell.minN === 1
                        ? "no interval"
                        : formatInterval(cell.ciLowPct, cell.ciHighPct, cell.minN, cell.minN)}
                    </span>
                  </Link>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
