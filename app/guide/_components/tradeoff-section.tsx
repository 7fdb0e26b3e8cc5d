"use client";

import { ChartFigure } from "@/components/charts/chart-figure";
import { LazyTradeoffChart } from "@/components/charts/lazy-charts";
import type { TradeoffPoint } from "@/components/charts/tradeoff-chart";

/** The trade-off chart with its downloads; the ranking table below holds the same numbers. */
export function TradeoffSection({
  points,
  csv,
  title,
  source,
}: {
  points: TradeoffPoint[];
  csv: string;
  title: string;
  /** The source line of an exported chart: dataset or synthesis, and import. */
  source: string;
}) {
  const numbered = points.some((p) => p.mark !== p.label);
  return (
    <ChartFigure
      label={`Scatter plot of isolation level against weighted overhead for ${title}, one point per runtime; the ranking table lists the same numbers.`}
      exportFrame={{ title: `Isolation against weighted overhead: ${title}`, source }}
      fileName="tradeoff"
      csv={() => csv}
      caption={`Up is more overhead; right is a stronger isolation boundary.${numbered ? " Points carry their rank in the table below." : ""}`}
    >
      <LazyTradeoffChart points={points} />
    </ChartFigure>
  );
}
