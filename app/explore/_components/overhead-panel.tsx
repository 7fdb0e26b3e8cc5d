"use client";

import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { OverheadSmallMultiples } from "@/components/charts/overhead-small-multiples";
import { ProvenancePanel, type ProvenanceTarget } from "@/components/provenance/provenance-panel";
import type { ChartMark } from "@/components/charts/use-mark-navigation";
import { overheadFactOf, overheadFinding, overheadMarkLabel } from "@/lib/a11y/chart-findings";
import {
  legendRuntimes,
  panelMarkKey,
  positionedMarks,
  toCategoryGroups,
  type PanelMark,
} from "@/lib/explore/overhead-panels";
import { sourceLine } from "@/lib/explore/chart-data";
import { toCsv } from "@/lib/csv";
import {
  fromColumns,
  OVERHEAD_CSV_COLUMNS,
  toOverheadCsvRow,
  type Columns,
  type OverheadViewRow,
} from "@/lib/explore/rows";
import { runtimeLabel } from "@/lib/format";
import { RUNTIME_IDS } from "@/lib/runtime-ids";
import type { Filters } from "@/lib/search-params";
import { ChartLegend } from "@/components/charts/chart-legend";
import { RovingFocus } from "@/components/ui/roving-focus";
import { OverheadTable, SOURCE_CONTROLS } from "./overhead-table";
import { useFirstRows } from "./use-first-rows";

/**
 * Panels open at first (the first categories up to this many workloads; the others fold), and
 * the table rows drawn before the rest on a change: the table lists every row.
 */
const OPEN_PANELS = 24;
const FIRST_ROWS = 60;

export interface OverheadPanelProps {
  /** The rows, one array per field (lib/explore/rows.ts): at least one, largest overhead first. */
  columns: Columns<OverheadViewRow>;
  baseline: string;
  /** The view's resolved filters, narrowed to a mark's runtime and workload when it is clicked. */
  filters: Filters;
}

/**
 * The overhead chart (one small panel per workload, by category) and its table, both drawn from
 * one copy of the rows. Chart and table are rendered on the server too, so they are in the HTML;
 * the bars open the provenance of their samples.
 */
export function OverheadPanel({ columns, baseline, filters }: OverheadPanelProps) {
  const [target, setTarget] = useState<ProvenanceTarget | null>(null);
  const rows = useMemo(() => fromColumns(columns), [columns]);
  const order = useMemo(() => [baseline, ...RUNTIME_IDS.filter((id) => id !== baseline)], [baseline]);
  // Four ticks fit a panel's axis at phone width.
  const groups = useMemo(() => toCategoryGroups(rows, order, 4), [rows, order]);
  const legend = useMemo(() => legendRuntimes(rows, order), [rows, order]);
  // The chart follows a filter change in a background render, after the table's first rows.
  const chartGroups = useDeferredValue(groups);
  const openBar = useCallback(
    (mark: PanelMark) =>
      setTarget({
        filters: { ...filters, runtime: [mark.runtime], workload: [mark.workload], metric: mark.metric },
        title: mark.title,
      }),
    [filters],
  );
  const facts = useMemo(
    () =>
      new Map(
        rows.map((r) => [
          panelMarkKey(r),
          overheadFactOf({ ...r, label: runtimeLabel(r.runtime, r.version, r.variant) }),
        ]),
      ),
    [rows],
  );
  // Every bar, folded categories included: reaching one opens its category (components/charts/overhead-small-multiples.tsx).
  const placed = useMemo(() => positionedMarks(chartGroups), [chartGroups]);
  const barByKey = useMemo(() => new Map(placed.map((p) => [p.mark.key, p.mark])), [placed]);
  const marks: ChartMark[] = useMemo(
    () =>
      placed.map(({ mark, position }) => {
        const fact = facts.get(mark.key);
        return { key: mark.key, label: fact ? overheadMarkLabel(fact) : mark.title, position };
      }),
    [placed, facts],
  );
  const openMark = useCallback(
    (m: ChartMark) => {
      const bar = barByKey.get(m.key);
      if (bar) openBar(bar);
    },
    [barByKey, openBar],
  );
  const renderChart = useCallback(
    (activeKey: string | undefined) => (
      <OverheadSmallMultiples groups={chartGroups} openPanels={OPEN_PANELS} onSelect={openBar} activeKey={activeKey} />
    ),
    [chartGroups, openBar],
  );
  const shownRows = useFirstRows(rows, FIRST_ROWS);
  const panels = groups.reduce((sum, g) => sum + g.panels.length, 0);
  const base = runtimeLabel(baseline);
  return (
    <>
      <ChartFigure
        label={`Overhead against ${base}, one panel per workload in ${groups.length} categories (${panels} workloads, ${rows.length} runtime and workload pairs)`}
        finding={`${overheadFinding([...facts.values()], base)} The table below lists every value.`}
        marks={marks}
        onOpenMark={openMark}
        exportFrame={{
          title: `Overhead against ${base}`,
          source: sourceLine(filters),
          legend,
        }}
        fileName={`overhead-vs-${baseline}`}
        csv={() => toCsv(OVERHEAD_CSV_COLUMNS, rows.map(toOverheadCsvRow))}
        caption={`Bars start at ${base} (0); whiskers are 95 % intervals; each category shares a log scale. Click a bar, or Tab to the chart, pick a bar with the arrow keys (↑↓ to the next workload) and press Enter, for its samples and raw files.`}
      >
        {(activeKey) => (
          <>
            <ChartLegend items={legend} baseline={base} />
            {renderChart(activeKey)}
          </>
        )}
      </ChartFigure>
      <RovingFocus selector={SOURCE_CONTROLS}>
        <OverheadTable rows={shownRows} baseline={baseline} />
      </RovingFocus>
      {target && <ProvenancePanel target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
