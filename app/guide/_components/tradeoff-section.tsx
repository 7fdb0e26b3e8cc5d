"use client";

import { useCallback, useMemo } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { LazyTradeoffChart } from "@/components/charts/lazy-charts";
import type { TradeoffPoint } from "@/components/charts/tradeoff-chart";
import { tradeoffFinding } from "@/lib/a11y/chart-findings";
import { ISOLATION_LEVELS, type IsolationStrength } from "@/lib/catalog/isolation";
import { formatPct } from "@/lib/format";

/** The isolation level a point stands at, in words (points of one level are spread a little apart). */
const isolationLevelOf = (p: TradeoffPoint) =>
  ISOLATION_LEVELS[Math.round(p.isolation) as IsolationStrength]?.label ?? null;

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
  const marks = useMemo(
    () =>
      points.map((p) => ({
        key: p.key,
        label: `${p.label}${numbered ? ` (rank ${p.mark})` : ""}: ${formatPct(p.overheadPct)} weighted overhead; isolation: ${isolationLevelOf(p) ?? "unknown"}`,
      })),
    [points, numbered],
  );
  const renderChart = useCallback(
    (activeKey: string | undefined) => <LazyTradeoffChart points={points} activeKey={activeKey} />,
    [points],
  );
  return (
    <ChartFigure
      label={`Isolation level against weighted overhead for ${title}, one point per runtime`}
      exportFrame={{ title: `Isolation against weighted overhead: ${title}`, source }}
      finding={`${tradeoffFinding(
        points.map((p) => ({ subject: p.label, pct: p.overheadPct, isolation: isolationLevelOf(p) })),
      )} The ranking table lists the same numbers.`}
      marks={marks}
      fileName="tradeoff"
      csv={() => csv}
      caption={`Up is more overhead; right is a stronger isolation boundary.${numbered ? " Points carry their rank in the table below." : ""}`}
    >
      {renderChart}
    </ChartFigure>
  );
}
