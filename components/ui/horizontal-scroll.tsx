"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A sideways-scrolling box that says so: when its content is wider than it, a hint above it and a
 * fade at the edge where more lies hidden, since phones hide scroll bars until one scrolls.
 */
export function HorizontalScroll({ hint, children }: { hint: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState({ wider: false, moreRight: false });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () =>
      setOverflow({
        wider: el.scrollWidth > el.clientWidth + 1,
        moreRight: el.scrollLeft + el.clientWidth < el.scrollWidth - 1,
      });
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(el);
    if (el.firstElementChild) resized.observe(el.firstElementChild);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      resized.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, []);

  return (
    <>
      {overflow.wider && <p className="mb-1 text-xs text-zinc-600 dark:text-zinc-400">{hint} →</p>}
      <div className="relative">
        <div ref={box} className="overflow-x-auto" data-chart="">
          {children}
        </div>
        {overflow.moreRight && (
          <div
            aria-hidden="true"
            data-scroll-fade=""
            className="pointer-events-none absolute inset-y-0 right-0 w-10 bg-linear-to-l from-(--page-bg) to-transparent"
          />
        )}
      </div>
    </>
  );
}
