"use client";

import dynamic from "next/dynamic";
import { memo, type ReactNode } from "react";
import { ABSOLUTE_CHART_HEIGHT, TRADEOFF_CHART_HEIGHT } from "@/lib/explore/chart-data";
import type { AbsoluteChartProps } from "./absolute-chart";
import type { TradeoffChartProps } from "./tradeoff-chart";
import { useNearViewport } from "./use-near-viewport";

// Recharts is most of a chart page's JavaScript. Loaded by import() once the page has hydrated,
// it stays out of the first load, while the table under each chart shows the same numbers from
// the first paint. No server rendering: Recharts measures its container in the browser, so the
// server could only send an empty box of the chart's height, which is what the slot is.
const AbsoluteChart = dynamic(() => import("./absolute-chart").then((m) => m.AbsoluteChart), { ssr: false });
const TradeoffChart = dynamic(() => import("./tradeoff-chart").then((m) => m.TradeoffChart), { ssr: false });

/** How far below the fold a chart is drawn ahead of scrolling, in px (about two absolute panels). */
const DRAW_AHEAD = "800px 0px";

/**
 * Holds the chart's height before it arrives, so nothing below it moves (no layout shift), and
 * draws it once the slot nears the viewport: a chart costs main-thread time (docs/performance.md),
 * so a view of many panels shows its tables first and leaves the charts off screen for later.
 */
function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  const [ref, near] = useNearViewport<HTMLDivElement>(DRAW_AHEAD);
  return (
    <div ref={ref} style={{ height }}>
      {near && children}
    </div>
  );
}

// Memoised: a panel that re-renders (a dialog opens, more table rows arrive) does not redraw its chart.
export const LazyAbsoluteChart = memo(function LazyAbsoluteChart(props: AbsoluteChartProps) {
  return (
    <ChartSlot height={ABSOLUTE_CHART_HEIGHT}>
      <AbsoluteChart {...props} />
    </ChartSlot>
  );
});

export const LazyTradeoffChart = memo(function LazyTradeoffChart(props: TradeoffChartProps) {
  return (
    <ChartSlot height={TRADEOFF_CHART_HEIGHT}>
      <TradeoffChart {...props} />
    </ChartSlot>
  );
});
