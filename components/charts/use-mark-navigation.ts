"use client";

import { useId, useState, type FocusEvent, type KeyboardEvent } from "react";
import { isMoveKey, nextMarkIndex, type MarkPosition } from "@/lib/a11y/mark-navigation";

/** One mark of a chart (a bar, a point) as a keyboard and a screen reader meet it. */
export interface ChartMark {
  /** Stable and unique within the chart: the chart draws its focus ring on the mark of this key. */
  key: string;
  /** What a screen reader says for it, with its numbers: "gVisor · fio randread: +493 % (n = 5 against 5)". */
  label: string;
  /** Row and column in a grid of marks (small multiples: panel and runtime); a plain list when absent. */
  position?: MarkPosition;
}

export interface MarkNavigationOptions {
  marks: readonly ChartMark[];
  /** Enter and Space on a mark: open what lies behind it (provenance). None: the marks are only read. */
  onOpen?: (mark: ChartMark) => void;
}

/**
 * One Tab stop for a whole chart and the arrow keys within it (the ARIA listbox pattern with
 * aria-activedescendant): focus stays on the chart's container, which names the active mark to a
 * screen reader through the id of a hidden option, while the chart draws a ring on `activeKey`.
 * The marks can be SVG drawn by any library: nothing in them needs to take focus.
 */
export function useMarkNavigation({ marks, onOpen }: MarkNavigationOptions) {
  const id = useId();
  const [index, setIndex] = useState(0);
  const [keyboardFocus, setKeyboardFocus] = useState(false);
  const active = Math.min(index, Math.max(marks.length - 1, 0));
  const optionId = (i: number) => `${id}-mark-${i}`;
  const positions = marks.map((m, i) => m.position ?? { row: 0, col: i });

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (marks.length === 0) return;
    if (isMoveKey(e.key)) {
      e.preventDefault();
      setIndex(nextMarkIndex(positions, active, e.key, e.ctrlKey || e.metaKey));
      setKeyboardFocus(true);
    } else if ((e.key === "Enter" || e.key === " ") && onOpen) {
      e.preventDefault();
      onOpen(marks[active]!);
    }
  };
  return {
    /** The mark to ring: only while the chart has keyboard focus (a click draws no ring). */
    activeKey: keyboardFocus ? marks[active]?.key : undefined,
    activeMark: marks[active],
    containerProps: {
      role: "listbox",
      tabIndex: 0,
      "aria-activedescendant": marks.length > 0 ? optionId(active) : undefined,
      onKeyDown,
      onFocus: (e: FocusEvent<HTMLElement>) => {
        if (e.target === e.currentTarget) setKeyboardFocus(e.currentTarget.matches(":focus-visible"));
      },
      onBlur: (e: FocusEvent<HTMLElement>) => {
        if (e.target === e.currentTarget) setKeyboardFocus(false);
      },
    },
    options: marks.map((m, i) => ({ id: optionId(i), key: m.key, label: m.label, selected: i === active })),
  };
}
