import Link from "next/link";
import { overheadFinding, type OverheadFact } from "@/lib/a11y/chart-findings";
import { formatInterval, runtimeLabel } from "@/lib/format";
import type { SynthesisCell, SynthesisHeatRow } from "@/lib/synthesis/cells";
import { HeatCell, NoDataCell } from "./heat-cell";
import { HeatmapGrid } from "./heatmap-grid";

export interface SynthesisHeatmapTableProps {
  categories: string[];
  rows: SynthesisHeatRow[];
  /** The forest plot behind a cell. */
  hrefOf: (row: SynthesisHeatRow, category: string) => string;
  /** The runtime every cell compares against. */
  baseline: string;
}

/** Runtime × category across datasets: each cell the pooled overhead with k and its interval. */
export function SynthesisHeatmapTable({ categories, rows, hrefOf, baseline }: SynthesisHeatmapTableProps) {
  return (
    <HeatmapGrid
      label="Pooled overhead by runtime and category, across datasets"
      finding={overheadFinding(rows.flatMap(factsOf), runtimeLabel(baseline))}
      categories={categories}
      rows={rows}
      rowHeader={(row) => (
        <Link href={`/runtimes/${encodeURIComponent(row.runtime)}`}>
          {runtimeLabel(row.runtime, null, row.variant)}
        </Link>
      )}
      cell={(row, c) => {
        const cell = row.cells[c];
        if (!cell) return <NoDataCell key={c} />;
        return (
          <HeatCell
            key={c}
            subject={`${runtimeLabel(row.runtime, null, row.variant)}, ${c}`}
            overheadPct={cell.overheadPct}
            detail={shortEvidenceOf(cell)}
            evidence={evidenceOf(cell)}
            interval={cell.pooled ? formatInterval(cell.ciLowPct, cell.ciHighPct, 2, 2) : "no interval"}
            href={hrefOf(row, c)}
            dashed={cell.indirect}
          />
        );
      }}
    />
  );
}

/** What a cell shows of its evidence; the legend says that n = 1 is not pooled: "k = 3", "n = 1, indirect". */
function shortEvidenceOf(cell: SynthesisCell): string {
  return `${cell.pooled ? `k = ${cell.k}` : "n = 1"}${cell.indirect ? ", indirect" : ""}`;
}

/** "k = 3", "k = 1, indirect", "n = 1, not pooled". */
function evidenceOf(cell: SynthesisCell): string {
  const kind = cell.indirect ? ", indirect" : "";
  if (!cell.pooled) return `n = 1, not pooled${kind}`;
  return `k = ${cell.k}${kind}`;
}

/** A row's cells as the text alternative reads them: runtime, category, pooled overhead, interval, evidence. */
function factsOf(row: SynthesisHeatRow): OverheadFact[] {
  return Object.entries(row.cells).flatMap(([category, cell]) =>
    cell
      ? [
          {
            subject: runtimeLabel(row.runtime, null, row.variant),
            on: category,
            pct: cell.overheadPct,
            lowPct: cell.ciLowPct,
            highPct: cell.ciHighPct,
            evidence: evidenceOf(cell),
            n: cell.pooled ? 2 : 1,
          },
        ]
      : [],
  );
}
