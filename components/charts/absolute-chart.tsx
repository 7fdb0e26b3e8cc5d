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
import { ABSOLUTE_CHART_HEIGHT, absolutePointKey, type AbsolutePanel } from "@/lib/explore/chart-data";
import { focusRing } from "./focus-ring";

export interface AbsoluteChartProps {
  panel: AbsolutePanel;
  onSelectPoint?: (point: { sourceFileId: number }) => void;
  /** The repetition with keyboard focus (absolutePointKey), drawn with a ring. */
  activeKey?: string;
}

/** Means with 95 % interval error bars, and every repetition as a point; shaped data only. */
export function AbsoluteChart({ panel, onSelectPoint, activeKey }: AbsoluteChartProps) {
  const points = panel.bars.flatMap((b) =>
    b.points.map((p, i) => ({
      key: absolutePointKey(b.key, p.repetition, i),
      label: b.label,
      value: p.value,
      sourceFileId: p.sourceFileId,
    })),
  );
  return (
    <ResponsiveContainer width="100%" height={ABSOLUTE_CHART_HEIGHT}>
      <ComposedChart data={panel.bars} accessibilityLayer={false} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
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
          isAnimationActive={false}
          onClick={(item: { payload?: { sourceFileId?: number } }) => {
            const id = item.payload?.sourceFileId;
            if (id !== undefined) onSelectPoint?.({ sourceFileId: id });
          }}
          cursor="pointer"
          shape={(props: PointShapeProps) => <PointShape {...props} active={props.payload?.key === activeKey} />}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

interface PointShapeProps {
  cx?: number;
  cy?: number;
  payload?: { key?: string };
}

/** A repetition's dot, marked for tests like every chart mark, and ringed when it has keyboard focus. */
function PointShape({ cx = 0, cy = 0, active }: PointShapeProps & { active: boolean }) {
  return (
    <g>
      <circle cx={cx} cy={cy} r={4} fill="currentColor" data-mark="" />
      {active && <circle cx={cx} cy={cy} r={8} fill="none" {...focusRing(true)} />}
    </g>
  );
}
