"use client";

import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  ErrorBar,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatValue } from "@/lib/format";
import { ABSOLUTE_CHART_HEIGHT, type AbsolutePanel } from "@/lib/explore/chart-data";

export interface AbsoluteChartProps {
  panel: AbsolutePanel;
  onSelectPoint?: (point: { sourceFileId: number }) => void;
}

/** Means with 95 % interval error bars, and every repetition as a point; shaped data only. */
export function AbsoluteChart({ panel, onSelectPoint }: AbsoluteChartProps) {
  const points = panel.bars.flatMap((b) =>
    b.points.map((p) => ({ label: b.label, value: p.value, sourceFileId: p.sourceFileId })),
  );
  return (
    <ResponsiveContainer width="100%" height={ABSOLUTE_CHART_HEIGHT}>
      <ComposedChart data={panel.bars} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#8884" />
        <XAxis
          dataKey="label"
          type="category"
          allowDuplicatedCategory={false}
          stroke="currentColor"
          fontSize={10}
          interval={0}
          angle={-35}
          textAnchor="end"
          height={90}
        />
        <YAxis
          tickFormatter={(v: number) => formatValue(v, panel.unit)}
          stroke="currentColor"
          fontSize={11}
          width={90}
        />
        <Tooltip formatter={(value) => formatValue(Number(value), panel.unit)} contentStyle={{ fontSize: 12 }} />
        <Bar dataKey="mean" name="geometric mean" isAnimationActive={false} fillOpacity={0.55}>
          {panel.bars.map((b) => (
            <Cell key={b.key} fill={b.color} data-mark="" data-runtime={b.runtime} />
          ))}
          <ErrorBar dataKey="error" width={8} stroke="currentColor" />
        </Bar>
        <Scatter
          data={points}
          dataKey="value"
          name="repetition"
          fill="currentColor"
          shape={RepetitionDot}
          isAnimationActive={false}
          onClick={(item: { payload?: { sourceFileId?: number } }) => {
            const id = item.payload?.sourceFileId;
            if (id !== undefined) onSelectPoint?.({ sourceFileId: id });
          }}
          cursor="pointer"
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** A repetition's dot, marked for tests and keyboard handling like every chart mark. */
function RepetitionDot({ cx, cy }: { cx?: number; cy?: number }) {
  return <circle cx={cx} cy={cy} r={3.5} fill="currentColor" data-mark="" />;
}
