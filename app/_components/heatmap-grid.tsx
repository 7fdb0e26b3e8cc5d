import type { ReactNode } from "react";
import { DataTableHead } from "@/components/ui/data-table-head";

/** Runtime × category as an accessible table: one row header per runtime, one cell per category. */
export function HeatmapGrid<Row extends { key: string }>({
  label,
  categories,
  rows,
  rowHeader,
  cell,
}: {
  label: string;
  categories: readonly string[];
  rows: readonly Row[];
  rowHeader: (row: Row) => ReactNode;
  /** The cell of a row and category, keyed by the category. */
  cell: (row: Row, category: string) => ReactNode;
}) {
  return (
    <div className="overflow-x-auto" data-chart="">
      <table className="data-table" aria-label={label}>
        <DataTableHead columns={[{ label: "Runtime" }, ...categories.map((c) => ({ label: c, numeric: true }))]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="font-normal whitespace-nowrap">
                {rowHeader(row)}
              </th>
              {categories.map((c) => cell(row, c))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
