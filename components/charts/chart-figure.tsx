"use client";

import { useRef, type ReactNode } from "react";
import { downloadBlob, serializeSvg, svgToPng } from "@/lib/download";
import { NavigableChart } from "./navigable-chart";
import type { ChartMark } from "./use-mark-navigation";

export interface ChartFigureProps {
  /** The chart's name: what it plots. */
  label: string;
  /** Its text alternative: the main finding in words, with the numbers (lib/a11y/chart-findings.ts). */
  finding: string;
  /** The marks a keyboard walks with the arrows, and what Enter on one opens (components/charts/use-mark-navigation.ts). */
  marks: readonly ChartMark[];
  onOpenMark?: (mark: ChartMark) => void;
  fileName: string;
  /** The chart's numbers as CSV (the same as the table under it), made when asked for. */
  csv: () => string;
  caption?: ReactNode;
  /** The chart, told which mark has keyboard focus (it draws a ring on it). */
  children: (activeKey: string | undefined) => ReactNode;
}

/** A chart with its text alternative, keyboard access to its marks and download actions (CSV, SVG, PNG). */
export function ChartFigure({ label, finding, marks, onOpenMark, fileName, csv, caption, children }: ChartFigureProps) {
  const ref = useRef<HTMLDivElement>(null);
  const svg = () => ref.current?.querySelector("svg.recharts-surface") as SVGSVGElement | null;
  const saveSvg = () => {
    const el = svg();
    if (el) downloadBlob(new Blob([serializeSvg(el)], { type: "image/svg+xml" }), `${fileName}.svg`);
  };
  const savePng = async () => {
    const el = svg();
    if (el) downloadBlob(await svgToPng(serializeSvg(el), el.clientWidth, el.clientHeight), `${fileName}.png`);
  };
  return (
    <figure className="my-4">
      <div ref={ref}>
        <NavigableChart label={label} finding={finding} marks={marks} onOpen={onOpenMark}>
          {children}
        </NavigableChart>
      </div>
      <figcaption className="mt-2 flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        <span className="mr-auto">{caption}</span>
        <button
          type="button"
          className="button"
          onClick={() => downloadBlob(new Blob([csv()], { type: "text/csv" }), `${fileName}.csv`)}
        >
          CSV
        </button>
        <button type="button" className="button" onClick={saveSvg}>
          SVG
        </button>
        <button type="button" className="button" onClick={() => void savePng()}>
          PNG
        </button>
      </figcaption>
    </figure>
  );
}
