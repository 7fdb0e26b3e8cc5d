"use client";

import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { LazyOverheadBarChart } from "@/components/charts/lazy-charts";
import { ProvenancePanel, type ProvenanceTarget } from "@/components/provenance/provenance-panel";
import type { ChartMark } from "@/components/charts/use-mark-navigation";
import { overheadFactOf, overheadFinding, overheadMarkLabel } from "@/lib/a11y/chart-findings";
import { toOverheadBars, type OverheadBar } from "@/lib/explore/chart-data";
import { toCsv } from "@/lib/csv";
import {
  fromColumns,
  OVERHEAD_CSV_COLUMNS,
  toOverheadCsvRow,
  type Columns,
  type OverheadViewRow,
} from "@/lib/explore/rows";
import { runtimeLabel } from "@/lib/format";
import type { Filters } from "@/lib/search-params";
import { RovingFocus } from "@/components/ui/roving-focus";
import { OverheadTable, SOURCE_CONTROLS } from "./overhead-table";
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
  const openBar = useCallback(
    (bar: OverheadBar) =>
      setTarget({
        filters: { ...filters, runtime: [bar.runtime], workload: [bar.workload], metric: bar.metric },
        title: bar.label,
      }),
    [filters],
  );
  const renderChart = useCallback(
    (activeKey: string | undefined) => (
      <LazyOverheadBarChart data={chartBars} onSelect={openBar} activeKey={activeKey} />
    ),
    [chartBars, openBar],
  );
  const facts = useMemo(
    () => rows.map((r) => overheadFactOf({ ...r, label: runtimeLabel(r.runtime, r.version, r.variant) })),
    [rows],
  );
  const marks: ChartMark[] = useMemo(
    () => bars.map((bar, i) => ({ key: bar.key, label: overheadMarkLabel(facts[i]!) })),
    [bars, facts],
  );
  const openMark = (mark: ChartMark) => {
    const bar = bars.find((b) => b.key === mark.key);
    if (bar) openBar(bar);
  };
  // A new view's chart and first rows render at once, the rest of a long table right after.
  const shownRows = useFirstRows(rows, MAX_BARS);
  return (
    <>
      <ChartFigure
        label={`Overhead against ${runtimeLabel(baseline)}, ${bars.length} of ${rows.length} runtime and workload pairs`}
        finding={`${overheadFinding(facts, runtimeLabel(baseline))} The table below lists every value.`}
        marks={marks}
        onOpenMark={openMark}
        fileName={`overhead-vs-${baseline}`}
        csv={() => toCsv(OVERHEAD_CSV_COLUMNS, rows.map(toOverheadCsvRow))}
        caption={`${rows.length > MAX_BARS ? `The ${MAX_BARS} largest overheads of ${rows.length}; the table lists every one. ` : ""}Click a bar, or Tab to the chart, pick a bar with the arrow keys and press Enter, for its samples and raw files.`}
      >
        {renderChart}
      </ChartFigure>
      <RovingFocus selector={SOURCE_CONTROLS}>
        <OverheadTable rows={shownRows} baseline={baseline} />
      </RovingFocus>
      {target && <ProvenancePanel target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
