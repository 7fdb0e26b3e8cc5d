"use client";

import { useRef, type ReactNode } from "react";
import { composeSvg, downloadBlob, svgToPng, type ExportFrame } from "@/lib/download";

export interface ChartFigureProps {
  /** Text alternative: what the chart shows, in words. */
  label: string;
  /** "group" when the chart holds controls of its own (folding categories), which an img would hide. */
  role?: "img" | "group";
  /** Heads the exported SVG and PNG, with the legend and the source line; the page's URL is the permalink. */
  exportFrame: Omit<ExportFrame, "permalink">;
  fileName: string;
  /** The chart's numbers as CSV (the same as the table under it), made when asked for. */
  csv: () => string;
  caption?: ReactNode;
  children: ReactNode;
}

/** A chart with its text alternative and download actions (CSV, SVG, PNG). */
export function ChartFigure({ label, role = "img", exportFrame, fileName, csv, caption, children }: ChartFigureProps) {
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
      <div role={role} aria-label={label} ref={ref} data-chart="">
        {children}
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
