"use client";

import { useMemo, useState } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { LazyOverheadBarChart } from "@/components/charts/lazy-charts";
import { ProvenancePanel, type ProvenanceTarget } from "@/components/provenance/provenance-panel";
import { toOverheadBars } from "@/lib/chart-data";
import { toCsv } from "@/lib/csv";
import { fromColumns, OVERHEAD_CSV_COLUMNS, toOverheadCsvRow, type Columns, type OverheadViewRow } from "@/lib/explore-rows";
import { formatPct, runtimeLabel } from "@/lib/format";
import type { Filters } from "@/lib/search-params";
import { OverheadTable } from "./overhead-table";

export interface OverheadPanelProps {
  /** The rows, one array per field (lib/explore-rows.ts): at least one, largest overhead first. */
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
  const bars = useMemo(() => toOverheadBars(rows), [rows]);
  const csv = useMemo(() => toCsv(OVERHEAD_CSV_COLUMNS, rows.map(toOverheadCsvRow)), [rows]);
  const top = rows[0]!;
  return (
    <>
      <ChartFigure
        label={`Bar chart of overhead against ${runtimeLabel(baseline)} for ${bars.length} runtime and workload pairs; largest: ${top.runtime} on ${top.workload}, ${formatPct(top.overheadPct)}. The table below lists every value.`}
        fileName={`overhead-vs-${baseline}`}
        csv={csv}
        caption="Click a bar for its samples and raw files."
      >
        <LazyOverheadBarChart
          data={bars}
          onSelect={(bar) => setTarget({ filters: { ...filters, runtime: [bar.runtime], workload: [bar.workload], metric: bar.metric }, title: bar.label })}
        />
      </ChartFigure>
      <OverheadTable rows={rows} baseline={baseline} />
      {target && <ProvenancePanel target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
