"use client";

import { useState } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { LazyAbsoluteChart } from "@/components/charts/lazy-charts";
import { ProvenancePanel, type ProvenanceTarget } from "@/components/provenance/provenance-panel";
import { sourceLine, type AbsolutePanel as Panel } from "@/lib/explore/chart-data";
import { toCsv } from "@/lib/csv";
import { ABSOLUTE_CSV_COLUMNS, toAbsoluteCsvRow, type AbsoluteViewSeries } from "@/lib/explore/rows";
import type { Filters } from "@/lib/search-params";
import { AbsoluteTable } from "./absolute-table";

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
  return (
    <>
      <ChartFigure
        label={`${panel.metric} of ${panel.workload} for ${panel.bars.length} runtimes; the table below lists every value.`}
        exportFrame={{ title: `${panel.workload}: ${panel.metric} (${panel.unit})`, source: sourceLine(filters) }}
        fileName={`${panel.workload}-${panel.metric}`.replace(/[^A-Za-z0-9._-]+/g, "_")}
        csv={() => toCsv(ABSOLUTE_CSV_COLUMNS, series.map(toAbsoluteCsvRow))}
      >
        <LazyAbsoluteChart
          panel={panel}
          onSelectPoint={(p) =>
            setTarget({ filters, title: `${panel.workload} (${panel.metric})`, sourceFileId: p.sourceFileId })
          }
        />
      </ChartFigure>
      <AbsoluteTable series={series} label={`${panel.workload} ${panel.metric}`} />
      {target && <ProvenancePanel target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
