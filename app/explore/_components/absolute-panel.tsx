"use client";

import { useCallback, useMemo, useState } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { LazyAbsoluteChart } from "@/components/charts/lazy-charts";
import { ProvenancePanel, type ProvenanceTarget } from "@/components/provenance/provenance-panel";
import type { ChartMark } from "@/components/charts/use-mark-navigation";
import { meansFinding } from "@/lib/a11y/chart-findings";
import { absoluteMarks, sourceLine, type AbsolutePanel as Panel } from "@/lib/explore/chart-data";
import { toCsv } from "@/lib/csv";
import { ABSOLUTE_CSV_COLUMNS, toAbsoluteCsvRow, type AbsoluteViewSeries } from "@/lib/explore/rows";
import type { Filters } from "@/lib/search-params";
import { RovingFocus } from "@/components/ui/roving-focus";
import { AbsoluteTable } from "./absolute-table";
import { SOURCE_CONTROLS } from "./overhead-table";

export interface AbsolutePanelProps {
  /** The panel's bars (lib/explore/chart-data.ts toAbsolutePanels), and its series, one workload and metric (at least one). */
  panel: Panel;
  series: AbsoluteViewSeries[];
  filters: Filters;
}

/**
 * One workload's measured values as a chart and a table, both drawn from one copy of its series.
 * The table is rendered on the server too (no JavaScript needed); the points open their raw file.
 */
export function AbsolutePanel({ panel, series, filters }: AbsolutePanelProps) {
  const [target, setTarget] = useState<ProvenanceTarget | null>(null);
  const title = `${panel.workload} (${panel.metric})`;
  const openFile = useCallback((sourceFileId: number) => setTarget({ filters, title, sourceFileId }), [filters, title]);
  const onSelectPoint = useCallback((p: { sourceFileId: number }) => openFile(p.sourceFileId), [openFile]);
  const marks = useMemo(() => absoluteMarks(panel), [panel]);
  const openMark = (mark: ChartMark) => {
    const point = marks.find((m) => m.key === mark.key);
    if (point) openFile(point.sourceFileId);
  };
  const renderChart = useCallback(
    (activeKey: string | undefined) => (
      <LazyAbsoluteChart panel={panel} onSelectPoint={onSelectPoint} activeKey={activeKey} />
    ),
    [panel, onSelectPoint],
  );
  return (
    <>
      <ChartFigure
        label={`${panel.metric} of ${panel.workload}: geometric means and every repetition of ${panel.bars.length} runtimes`}
        exportFrame={{ title: `${panel.workload}: ${panel.metric} (${panel.unit})`, source: sourceLine(filters) }}
        finding={`${meansFinding(
          panel.bars.map((b) => ({ subject: b.label, mean: b.mean, n: b.n })),
          panel.unit,
          panel.direction === "higher" ? "higher" : "lower",
        )} The table below lists every value.`}
        marks={marks}
        onOpenMark={openMark}
        fileName={`${panel.workload}-${panel.metric}`.replace(/[^A-Za-z0-9._-]+/g, "_")}
        csv={() => toCsv(ABSOLUTE_CSV_COLUMNS, series.map(toAbsoluteCsvRow))}
      >
        {renderChart}
      </ChartFigure>
      <RovingFocus selector={SOURCE_CONTROLS}>
        <AbsoluteTable series={series} label={`${panel.workload} ${panel.metric}`} />
      </RovingFocus>
      {target && <ProvenancePanel target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
