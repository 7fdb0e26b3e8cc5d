import { overheadFinding, type OverheadFact } from "@/lib/a11y/chart-findings";
import { formatInterval, runtimeLabel } from "@/lib/format";
import type { HeatCell as HeatmapCell, HeatmapRow } from "@/lib/overview/heatmap";
import { HeatCell, NoDataCell } from "./heat-cell";
import { HeatmapGrid } from "./heatmap-grid";

export interface HeatmapTableProps {
  categories: string[];
  rows: HeatmapRow[];
  /** Link of a cell: the explore view of that runtime and the cell's workloads. */
  hrefOf: (row: HeatmapRow, cell: HeatmapCell) => string;
  /** The runtime every cell compares against. */
  baseline: string;
}

/** One dataset and host: per runtime and category the overhead, its workloads, smallest n and interval. */
export function HeatmapTable({ categories, rows, hrefOf, baseline }: HeatmapTableProps) {
  return (
    <HeatmapGrid
      label="Geometric-mean overhead by runtime and category"
      finding={overheadFinding(rows.flatMap(factsOf), runtimeLabel(baseline))}
      categories={categories}
      rows={rows}
      rowHeader={(row) => runtimeLabel(row.runtime, row.version, row.variant)}
      cell={(row, c) => {
        const cell = row.cells[c];
        if (!cell) return <NoDataCell key={c} />;
        const n = cell.minN === 1 ? "n = 1" : `n ≥ ${cell.minN}`;
        return (
          <HeatCell
            key={c}
            subject={`${runtimeLabel(row.runtime, row.version, row.variant)}, ${c}`}
            overheadPct={cell.overheadPct}
            detail={`${cell.workloads} workload${cell.workloads > 1 ? "s" : ""}, ${n}`}
            interval={
              cell.minN === 1 ? "no interval" : formatInterval(cell.ciLowPct, cell.ciHighPct, cell.minN, cell.minN)
            }
            href={hrefOf(row, cell)}
          />
        );
      }}
    />
  );
}

/** A row's cells as the text alternative reads them: runtime, category, overhead, interval, n. */
function factsOf(row: HeatmapRow): OverheadFact[] {
  return Object.entries(row.cells).flatMap(([category, cell]) =>
    cell
      ? [
          {
            subject: runtimeLabel(row.runtime, row.version, row.variant),
            on: category,
            pct: cell.overheadPct,
            lowPct: cell.minN === 1 ? null : cell.ciLowPct,
            highPct: cell.minN === 1 ? null : cell.ciHighPct,
            evidence: `${cell.workloads} workload${cell.workloads > 1 ? "s" : ""}, ${cell.minN === 1 ? "n = 1" : `n ≥ ${cell.minN}`}`,
            n: cell.minN,
            baselineN: cell.minN,
          },
        ]
      : [],
  );
}
