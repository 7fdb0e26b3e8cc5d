import { useId, type ReactNode } from "react";
import { DataTableHead } from "@/components/ui/data-table-head";
import { HorizontalScroll } from "@/components/ui/horizontal-scroll";
import { RovingFocus } from "@/components/ui/roving-focus";

/**
 * Runtime × category as an accessible table: one row header per runtime, one cell per category,
 * described by its main finding. Its links are one Tab stop, the arrows move between them.
 * Cells and runtime names wrap, so every category fits a laptop's width; a phone scrolls, and is told.
 */
export function HeatmapGrid<Row extends { key: string }>({
  label,
  finding,
  categories,
  rows,
  rowHeader,
  cell,
}: {
  label: string;
  /** The text alternative: the largest and smallest value in words (lib/a11y/chart-findings.ts). */
  finding: string;
  categories: readonly string[];
  rows: readonly Row[];
  rowHeader: (row: Row) => ReactNode;
  /** The cell of a row and category, keyed by the category. */
  cell: (row: Row, category: string) => ReactNode;
}) {
  const findingId = useId();
  return (
    <RovingFocus selector="a[href]">
      <p id={findingId} className="sr-only">
        {finding}
      </p>
      <HorizontalScroll hint={`Scroll sideways for all ${categories.length} categories`}>
        <table className="data-table" aria-label={label} aria-describedby={findingId}>
          <DataTableHead columns={[{ label: "Runtime" }, ...categories.map((c) => ({ label: c, numeric: true }))]} />
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="min-w-24 font-normal">
                  {rowHeader(row)}
                </th>
                {categories.map((c) => cell(row, c))}
              </tr>
            ))}
          </tbody>
        </table>
      </HorizontalScroll>
    </RovingFocus>
  );
}
