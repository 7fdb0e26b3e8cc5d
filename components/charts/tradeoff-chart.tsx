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
import { TRADEOFF_CHART_HEIGHT } from "@/lib/explore/chart-data";
import { niceLogAxis } from "@/lib/explore/log-axis";
import { formatOverhead } from "@/lib/format";
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

/** Isolation levels on two lines each, so all four fit under a phone-wide chart. */
const LEVELS = [["none"], ["shared", "kernel"], ["user-space", "kernel"], ["guest", "kernel (VM)"]];

function LevelTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const lines = LEVELS[Number(payload?.value)] ?? [];
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={11} fill="currentColor">
      {lines.map((line, i) => (
        <tspan key={line} x={x} dy={i === 0 ? 12 : 13}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Isolation level against weighted overhead, one point per runtime; shaped data only. */
export function TradeoffChart({ points, activeKey }: TradeoffChartProps) {
  const axis = niceLogAxis(Math.min(...points.map((p) => p.log2Ratio)), Math.max(...points.map((p) => p.log2Ratio)), 6);
  return (
    <ResponsiveContainer width="100%" height={TRADEOFF_CHART_HEIGHT}>
      <ScatterChart accessibilityLayer={false} margin={{ left: 8, right: 24, top: 16, bottom: 24 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#8884" />
        <XAxis
          type="number"
          dataKey="isolation"
          domain={[-0.5, 3.5]}
          ticks={[0, 1, 2, 3]}
          interval={0}
          tick={LevelTick}
          height={40}
          stroke="currentColor"
          fontSize={11}
        />
        <YAxis
          type="number"
          dataKey="log2Ratio"
          domain={[axis.min, axis.max]}
          ticks={axis.ticks.map((t) => t.log2)}
          tickFormatter={(v: number) => axis.ticks.find((t) => t.log2 === v)?.label ?? ""}
          stroke="currentColor"
          fontSize={11}
          width={84}
        />
        <ZAxis range={[80, 80]} />
        <Tooltip content={PointTip} />
        {points.map((p) => (
          <Scatter
            key={p.key}
            name={p.label}
            data={[p]}
            fill={p.color}
            shape={(props: PointDotProps) => <PointDot {...props} active={p.key === activeKey} />}
            isAnimationActive={false}
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
      {p.label}: weighted {formatOverhead(p.overheadPct)}
    </div>
  );
}

interface PointDotProps {
  cx?: number;
  cy?: number;
  payload?: TradeoffPoint;
}

/** A runtime's point, marked for tests like every chart mark, and ringed when it has keyboard focus. */
function PointDot({ cx, cy, payload, active }: PointDotProps & { active: boolean }) {
  return (
    <circle
      cx={cx}
      cy={cy}
      r={5}
      fill={payload?.color}
      data-mark=""
      data-runtime={payload?.key}
      {...focusRing(active)}
    />
  );
}
