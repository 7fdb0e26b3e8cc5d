"use client";

import { useId, type ReactNode } from "react";
import { useMarkNavigation, type ChartMark } from "./use-mark-navigation";

export interface NavigableChartProps {
  /** The chart's name: what it plots. */
  label: string;
  /** Its text alternative: the main finding in words, with the numbers (lib/a11y/chart-findings.ts). */
  finding: string;
  marks: readonly ChartMark[];
  onOpen?: (mark: ChartMark) => void;
  /** The chart itself, told which mark to ring. */
  children: (activeKey: string | undefined) => ReactNode;
}

/**
 * A chart as one Tab stop: the arrows walk its marks (a hidden list of options that a screen
 * reader reads), Enter opens a mark's provenance, and a line under the chart names the active
 * mark for sighted keyboard users. The drawing is hidden from assistive technology, which reads
 * the finding and the options instead.
 */
export function NavigableChart({ label, finding, marks, onOpen, children }: NavigableChartProps) {
  const nav = useMarkNavigation({ marks, onOpen });
  const findingId = useId();
  return (
    <div>
      <div
        {...nav.containerProps}
        aria-label={label}
        aria-describedby={findingId}
        className="rounded focus-visible:outline-2 focus-visible:outline-offset-4"
      >
        <div aria-hidden="true">{children(nav.activeKey)}</div>
        <ul role="none" className="sr-only">
          {nav.options.map((o) => (
            <li key={o.key} id={o.id} role="option" aria-selected={o.selected}>
              {o.label}
            </li>
          ))}
        </ul>
      </div>
      <p id={findingId} className="sr-only">
        {finding}
      </p>
      {/* Sticky: under a chart taller than the screen (the small multiples) the words stay in view. */}
      <p
        aria-hidden="true"
        className="sticky bottom-0 mt-1 min-h-5 bg-(--page-bg) py-0.5 text-sm text-zinc-700 dark:text-zinc-300"
      >
        {nav.activeKey !== undefined && nav.activeMark
          ? `${nav.activeMark.label}${onOpen ? " · Enter: samples and raw files" : ""}`
          : ""}
      </p>
    </div>
  );
}
