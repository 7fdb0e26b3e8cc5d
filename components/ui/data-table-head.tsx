import type { ReactNode } from "react";

/** A column of a `data-table`: its heading, and whether it holds numbers (set right-aligned). */
export interface DataColumn {
  label: ReactNode;
  numeric?: boolean;
}

/** The header row of every data table: column headings scoped for screen readers. */
export function DataTableHead({ columns }: { columns: readonly DataColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col" className={c.numeric ? "num" : undefined}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
