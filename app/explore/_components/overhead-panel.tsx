"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { LazyOverheadBarChart } from "@/components/charts/lazy-charts";
import { ProvenancePanel, type ProvenanceTarget } from "@/components/provenance/provenance-panel";
import { toOverheadBars } from "@/lib/explore/chart-data";
import { toCsv } from "@/lib/csv";
import {
  fromColumns,
  OVERHEAD_CSV_COLUMNS,
  toOverheadCsvRow,
  type Columns,
  type OverheadViewRow,
} from "@/lib/explore/rows";
import { formatChange, runtimeLabel } from "@/lib/format";
import type { Filters } from "@/lib/search-params";
import { OverheadTable } from "./overhead-table";
import { useFirstRows } from "./use-first-rows";

/**
 * Bars per chart, and the table rows drawn before the rest on a change: hundreds of bars make a
 * chart many screens tall that nobody reads, and slow to draw (docs/performance.md); the table
 * lists every row.
 */
const MAX_BARS = 60;

export interface OverheadPanelProps {
  /** The rows, one array per field (lib/explore/rows.ts): at least one, largest overhead first. */
  columns: Columns<OverheadViewRow>;
  baseline: string;
  /** The view's resolved filters, narrowed to a bar's runtime and workload when it is clicked. */
  filters: Filters;
}

/**
 * The overhead chart and its table, both drawn from one copy of the rows. The table is rendered
 * on the server too, so it is in the HTML and works without JavaScript; the bars open the
 * provenance of their samples.
 */
export function OverheadPanel({ columns, baseline, filters }: OverheadPanelProps) {
  const [target, setTarget] = useState<ProvenanceTarget | null>(null);
  const rows = useMemo(() => fromColumns(columns), [columns]);
  // Rows come largest overhead first, so the chart keeps the largest.
  const bars = useMemo(() => toOverheadBars(rows.slice(0, MAX_BARS)), [rows]);
  // The chart follows a filter change in a background render, after the table: drawing its bars
  // costs more than the table's first rows (docs/performance.md), and the table holds the same numbers.
  const chartBars = useDeferredValue(bars);
  const chart = useMemo(
    () => (
      <LazyOverheadBarChart
        data={chartBars}
        onSelect={(bar) =>
          setTarget({
            filters: { ...filters, runtime: [bar.runtime], workload: [bar.workload], metric: bar.metric },
            title: bar.label,
          })
        }
      />
    ),
    [chartBars, filters],
  );
  // A new view's chart and first rows render at once, the rest of a long table right after.
  const shownRows = useFirstRows(rows, MAX_BARS);
  const top = rows[0]!;
  return (
    <>
      <ChartFigure
        label={`Bar chart of overhead against ${runtimeLabel(baseline)} for ${bars.length} of ${rows.length} runtime and workload pairs; largest: ${top.runtime} on ${top.workload}, ${formatChange(top)}. The table below lists every value.`}
        fileName={`overhead-vs-${baseline}`}
        csv={() => toCsv(OVERHEAD_CSV_COLUMNS, rows.map(toOverheadCsvRow))}
        caption={`${rows.length > MAX_BARS ? `The ${MAX_BARS} largest overheads of ${rows.length}; the table lists every one. ` : ""}Click a bar for its samples and raw files.`}
      >
        {chart}
      </ChartFigure>
      <OverheadTable rows={shownRows} baseline={baseline} />
      {target && <ProvenancePanel target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
