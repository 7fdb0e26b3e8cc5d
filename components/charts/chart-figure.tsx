"use client";

import { useRef, type ReactNode } from "react";
import { composeSvg, downloadBlob, svgToPng, type ExportFrame } from "@/lib/download";
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
  /** Heads the exported SVG and PNG, with the legend and the source line; the page's URL is the permalink. */
  exportFrame: Omit<ExportFrame, "permalink">;
  fileName: string;
  /** The chart's numbers as CSV (the same as the table under it), made when asked for. */
  csv: () => string;
  caption?: ReactNode;
  /** The chart, told which mark has keyboard focus (it draws a ring on it). */
  children: (activeKey: string | undefined) => ReactNode;
}

/** A chart with its text alternative, keyboard access to its marks and download actions (CSV, SVG, PNG). */
export function ChartFigure({
  label,
  finding,
  marks,
  onOpenMark,
  exportFrame,
  fileName,
  csv,
  caption,
  children,
}: ChartFigureProps) {
  const ref = useRef<HTMLDivElement>(null);
  /** The chart as one SVG document, or null before it has drawn. */
  const composed = () => {
    const container = ref.current;
    const charts = [...(container?.querySelectorAll<SVGSVGElement>("svg.recharts-surface, svg[data-chart-svg]") ?? [])];
    if (!container || charts.length === 0) return null;
    return composeSvg(container, charts, { ...exportFrame, permalink: window.location.href });
  };
  const saveSvg = () => {
    const svg = composed();
    if (svg) downloadBlob(new Blob([svg.text], { type: "image/svg+xml" }), `${fileName}.svg`);
  };
  const savePng = async () => {
    const svg = composed();
    if (svg) downloadBlob(await svgToPng(svg.text, svg.width, svg.height), `${fileName}.png`);
  };
  return (
    <figure className="my-4">
      <div ref={ref} data-chart="">
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
