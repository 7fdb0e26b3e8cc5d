"use client";

import {
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { log2ToPct, TRADEOFF_CHART_HEIGHT } from "@/lib/explore/chart-data";
import { formatPct } from "@/lib/format";
import { focusRing } from "./focus-ring";

export interface TradeoffPoint {
  key: string;
  label: string;
  /** What the point is labelled with on the chart: its label, or its rank where many points crowd. */
  mark: string;
  color: string;
  isolation: number;
  /** log2 of the weighted cost ratio. */
  log2Ratio: number;
  overheadPct: number;
}

export interface TradeoffChartProps {
  points: TradeoffPoint[];
  /** The point with keyboard focus, drawn with a ring. */
  activeKey?: string;
}

const LEVELS = ["none", "shared kernel", "user-space kernel", "guest kernel (VM)"];

/** Isolation level against weighted overhead, one point per runtime; shaped data only. */
export function TradeoffChart({ points, activeKey }: TradeoffChartProps) {
  return (
    <ResponsiveContainer width="100%" height={TRADEOFF_CHART_HEIGHT}>
      <ScatterChart accessibilityLayer={false} margin={{ left: 8, right: 24, top: 16, bottom: 24 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#8884" />
        <XAxis
          type="number"
          dataKey="isolation"
          domain={[-0.5, 3.5]}
          ticks={[0, 1, 2, 3]}
          tickFormatter={(v: number) => LEVELS[v] ?? ""}
          stroke="currentColor"
          fontSize={11}
        />
        <YAxis
          type="number"
          dataKey="log2Ratio"
          tickFormatter={(v: number) => formatPct(log2ToPct(v))}
          stroke="currentColor"
          fontSize={11}
          width={80}
        />
        <ZAxis range={[80, 80]} />
        <Tooltip content={PointTip} />
        {points.map((p) => (
          <Scatter
            key={p.key}
            name={p.label}
            data={[p]}
            fill={p.color}
            isAnimationActive={false}
            {...focusRing(p.key === activeKey)}
          >
            <LabelList dataKey="mark" position="right" fontSize={11} fill="currentColor" />
          </Scatter>
        ))}
      </ScatterChart>
    </ResponsiveContainer>
  );
}

/** One line per point, the runtime and its weighted overhead (the default would list each axis). */
function PointTip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const p = payload?.[0]?.payload as TradeoffPoint | undefined;
  if (!active || !p) return null;
  return (
    <div className="rounded bg-zinc-900 px-2 py-1 text-xs text-white">
      {p.label}: {formatPct(p.overheadPct)}
    </div>
  );
}
