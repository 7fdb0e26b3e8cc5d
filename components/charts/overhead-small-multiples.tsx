"use client";

import { memo, useEffect, useRef, useState } from "react";
import type { LogAxis } from "@/lib/explore/log-axis";
import {
  locateMark,
  openGroups,
  type CategoryGroup,
  type PanelMark,
  type WorkloadPanel,
} from "@/lib/explore/overhead-panels";
import { focusRing } from "./focus-ring";

export interface OverheadSmallMultiplesProps {
  groups: CategoryGroup[];
  /** Categories open at first: the first ones until this many panels are shown, the rest folded. */
  openPanels: number;
  onSelect?: (mark: PanelMark) => void;
  /** The bar with keyboard focus (ChartFigure's marks): ringed, scrolled into view, its category opened. */
  activeKey?: string;
}

// Panel geometry in viewBox units (about px at the usual panel width).
const WIDTH = 300;
const LABEL_WIDTH = 104;
const PLOT_LEFT = LABEL_WIDTH + 6;
// Room for half of the last tick's label ("+10,000 %").
const PLOT_RIGHT = WIDTH - 28;
const TITLE_HEIGHT = 34;
const ROW = 18;
const AXIS_HEIGHT = 22;

/** Coordinates to a tenth of a unit: the SVG is in the page's HTML, and 15 decimals would double it. */
const round = (v: number) => Math.round(v * 10) / 10;

const truncate = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * The overhead view as small multiples: per category, one panel per workload with its runtimes
 * side by side (bars from the baseline at 0, 95 % interval whiskers) on the category's shared
 * log2 axis. Plain SVG: a hundred panels draw in a few milliseconds, with no chart library.
 * Marks carry data-* attributes naming their series, for tests and keyboard handling. The
 * keyboard walks every bar, folded ones too (ChartFigure's listbox): reaching a bar in a folded
 * category opens it, so the ring is never on a bar that is not drawn. The drawing is hidden from
 * assistive technology, which reads the listbox, so its fold controls are not Tab stops.
 */
export function OverheadSmallMultiples({ groups, openPanels, onSelect, activeKey }: OverheadSmallMultiplesProps) {
  const initiallyOpen = openGroups(groups, openPanels);
  // A folded category draws its panels once opened: hundreds of workloads stay out of the HTML.
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  // A category of more panels than that shows its first ones until asked for all.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // Categories the keyboard reached while folded: open from then on.
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const active = activeKey === undefined ? null : locateMark(groups, activeKey);
  const activeGroup = active ? groups[active.group]!.category : null;
  if (active && activeGroup !== null && !initiallyOpen[active.group] && !revealed.has(activeGroup)) {
    setRevealed(new Set([...revealed, activeGroup]));
    setOpened(new Set([...opened, activeGroup]));
  }
  if (active && activeGroup !== null && active.panel >= openPanels && !expanded.has(activeGroup)) {
    setExpanded(new Set([...expanded, activeGroup]));
  }
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (activeKey === undefined) return;
    const bar = [...(root.current?.querySelectorAll<SVGElement>("[data-mark]") ?? [])].find(
      (el) => el.dataset.key === activeKey,
    );
    bar?.scrollIntoView({ block: "nearest" });
  }, [activeKey, revealed, expanded]);
  return (
    <div className="space-y-2" ref={root}>
      {groups.map((g, i) => (
        <details
          key={g.category}
          open={initiallyOpen[i] || revealed.has(g.category)}
          data-category={g.category}
          onToggle={(e) => {
            if (e.currentTarget.open && !opened.has(g.category)) setOpened(new Set([...opened, g.category]));
          }}
        >
          <summary className="cursor-pointer py-1 font-medium" tabIndex={-1}>
            {g.category}{" "}
            <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
              {g.panels.length === 1 ? "1 workload" : `${g.panels.length} workloads`}
            </span>
          </summary>
          {(initiallyOpen[i] || opened.has(g.category) || revealed.has(g.category)) && (
            <div className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,18rem),1fr))] gap-x-4 gap-y-2">
              {g.panels.slice(0, expanded.has(g.category) ? undefined : openPanels).map((p, j) => (
                <Panel
                  key={p.key}
                  panel={p}
                  axis={g.axis}
                  onSelect={onSelect}
                  activeKey={active?.group === i && active.panel === j ? activeKey : undefined}
                />
              ))}
            </div>
          )}
          {g.panels.length > openPanels && !expanded.has(g.category) && (
            <button
              type="button"
              className="button mt-2"
              tabIndex={-1}
              onClick={() => setExpanded(new Set([...expanded, g.category]))}
            >{`Show all ${g.panels.length} ${g.category} workloads`}</button>
          )}
        </details>
      ))}
    </div>
  );
}

// Memoised: an arrow key re-renders only the panels the ring leaves and enters.
const Panel = memo(function Panel({
  panel,
  axis,
  onSelect,
  activeKey,
}: {
  panel: WorkloadPanel;
  axis: LogAxis;
  onSelect?: (mark: PanelMark) => void;
  activeKey?: string;
}) {
  const x = (log2: number) =>
    round(PLOT_LEFT + ((log2 - axis.min) / (axis.max - axis.min || 1)) * (PLOT_RIGHT - PLOT_LEFT));
  const plotBottom = TITLE_HEIGHT + panel.marks.length * ROW;
  const height = plotBottom + AXIS_HEIGHT;
  const title = `${panel.workload} · ${panel.metric}`;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-[26rem]"
      data-chart-svg=""
      data-panel={panel.key}
      role="group"
      aria-label={title}
    >
      <title>{`${title} (${panel.direction} is better)`}</title>
      <text x={0} y={13} fontSize={12} fontWeight={600} fill="currentColor">
        {truncate(panel.workload, 38)}
      </text>
      <text x={0} y={27} fontSize={10} fill="currentColor">
        {truncate(`${panel.metric} (${panel.direction} is better)`, 50)}
      </text>
      {axis.ticks.map((t) => (
        <g key={t.log2}>
          <line
            x1={x(t.log2)}
            x2={x(t.log2)}
            y1={TITLE_HEIGHT - 2}
            y2={plotBottom}
            stroke="currentColor"
            strokeOpacity={t.log2 === 0 ? 0.9 : 0.18}
            strokeWidth={t.log2 === 0 ? 1.25 : 1}
          />
          <text x={x(t.log2)} y={plotBottom + 14} fontSize={10} textAnchor="middle" fill="currentColor">
            {t.label}
          </text>
        </g>
      ))}
      {panel.marks.map((m, i) => (
        <MarkRow
          key={m.key}
          mark={m}
          y={TITLE_HEIGHT + i * ROW}
          x={x}
          onSelect={onSelect}
          active={m.key === activeKey}
        />
      ))}
    </svg>
  );
});

function MarkRow({
  mark,
  y,
  x,
  onSelect,
  active,
}: {
  mark: PanelMark;
  y: number;
  x: (log2: number) => number;
  onSelect?: (mark: PanelMark) => void;
  active: boolean;
}) {
  const [from, to] = [x(0), x(mark.log2Ratio)].sort((a, b) => a - b) as [number, number];
  const mid = y + ROW / 2;
  return (
    <g>
      <text x={LABEL_WIDTH} y={mid + 3.5} fontSize={11} textAnchor="end" fill="currentColor">
        {truncate(mark.label, 18)}
      </text>
      <rect
        x={from}
        y={mid - 5}
        width={round(Math.max(1.5, to - from))}
        height={10}
        fill={mark.color}
        cursor={onSelect ? "pointer" : undefined}
        onClick={onSelect && (() => onSelect(mark))}
        data-mark=""
        data-key={mark.key}
        data-runtime={mark.runtime}
        data-workload={mark.workload}
        data-metric={mark.metric}
        data-active={active ? "" : undefined}
      >
        <title>{mark.title}</title>
      </rect>
      {/* A frame around the bar rather than its outline: a 3-unit stroke on a 10-unit bar of the same hue was hard to see. */}
      {active && (
        <rect
          x={from - 3}
          y={mid - 8}
          width={round(Math.max(1.5, to - from) + 6)}
          height={16}
          rx={2}
          fill="none"
          pointerEvents="none"
          data-focus-ring=""
          {...focusRing(true)}
        />
      )}
      {mark.low !== null && mark.high !== null && (
        <path
          d={`M${x(mark.low)},${mid - 4}v8M${x(mark.low)},${mid}H${x(mark.high)}M${x(mark.high)},${mid - 4}v8`}
          stroke="currentColor"
          strokeWidth={1.25}
          fill="none"
          pointerEvents="none"
        />
      )}
    </g>
  );
}
