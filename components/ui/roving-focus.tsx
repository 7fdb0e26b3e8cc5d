"use client";

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import { isMoveKey, nextMarkIndex } from "@/lib/a11y/mark-navigation";

/**
 * One Tab stop for the controls of a table (heatmap cells, source-file toggles), the arrow keys
 * between them, Home / End to the ends (components/charts/use-mark-navigation.ts does the same for
 * drawn charts). The table stays a plain table with real links, which screen readers walk best
 * with their own table commands; only the Tab order changes. Controls are found in the DOM
 * (`selector`), so server-rendered tables need no change but a marker; their row and column
 * come from the table cell each sits in.
 */
export function RovingFocus({ selector, children }: { selector: string; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const stop = useRef<HTMLElement | null>(null);
  const items = () => [...(root.current?.querySelectorAll<HTMLElement>(selector) ?? [])];

  const makeStop = (el: HTMLElement | undefined, all = items()) => {
    stop.current = el ?? null;
    for (const item of all) item.tabIndex = item === el ? 0 : -1;
  };

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    // Rows arrive after the first render (long tables) and change with the filters.
    const sync = () => {
      const all = items();
      makeStop(stop.current && all.includes(stop.current) ? stop.current : all[0], all);
    };
    sync();
    const observer = new MutationObserver(sync);
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- items and makeStop read refs only
  }, [selector]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const current = all.indexOf(e.target as HTMLElement);
    if (current < 0 || !isMoveKey(e.key)) return;
    e.preventDefault();
    const positions = all.map((item, i) => ({
      row: item.closest("tr")?.rowIndex ?? i,
      col: item.closest<HTMLTableCellElement>("td, th")?.cellIndex ?? 0,
    }));
    const next = all[nextMarkIndex(positions, current, e.key, e.ctrlKey || e.metaKey)];
    makeStop(next, all);
    next?.focus();
  };

  return (
    <div
      ref={root}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const all = items();
        if (all.includes(e.target as HTMLElement)) makeStop(e.target as HTMLElement, all);
      }}
    >
      {children}
    </div>
  );
}
