"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatPct } from "@/lib/format";
import { focusRing } from "./focus-ring";
import { log2Ticks, log2ToPct, overheadChartHeight, type OverheadBar } from "@/lib/explore/chart-data";

export interface OverheadBarChartProps {
  data: OverheadBar[];
  onSelect?: (bar: OverheadBar) => void;
  /** The bar with keyboard focus, drawn with a ring (components/charts/use-mark-navigation.ts). */
  activeKey?: string;
}

/** Horizontal bars of overhead (log2 ratio axis, labelled in percent) with 95 % interval whiskers; shaped data only. */
export function OverheadBarChart({ data, onSelect, activeKey }: OverheadBarChartProps) {
  const ticks = log2Ticks(data);
  return (
    <ResponsiveContainer width="100%" height={overheadChartHeight(data.length)}>
      <BarChart
        data={data}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ left: 8, right: 24, top: 8, bottom: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#8884" />
        <XAxis
          type="number"
          ticks={ticks}
          domain={[ticks[0]!, ticks.at(-1)!]}
          tickFormatter={(v: number) => formatPct(log2ToPct(v))}
          stroke="currentColor"
          fontSize={12}
        />
        <YAxis type="category" dataKey="label" width={320} stroke="currentColor" fontSize={12} interval={0} />
        <ReferenceLine x={0} stroke="currentColor" />
        <Tooltip
          formatter={(_value, _name, item) => {
            const bar = item.payload as OverheadBar;
            return [`${formatPct(bar.overheadPct)} (n = ${bar.n} vs ${bar.baselineN})`, "overhead"];
          }}
          labelFormatter={(label) => String(label)}
          contentStyle={{ background: "var(--color-zinc-900)", color: "white", border: "none", fontSize: 12 }}
        />
        <Bar
          dataKey="log2Ratio"
          name="overhead"
          isAnimationActive={false}
          onClick={(entry) => onSelect?.(entry.payload as OverheadBar)}
          cursor="pointer"
        >
          {data.map((d) => (
            <Cell key={d.key} fill={d.color} {...focusRing(d.key === activeKey)} />
          ))}
          <ErrorBar dataKey="error" width={6} strokeWidth={1.5} stroke="currentColor" direction="x" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
