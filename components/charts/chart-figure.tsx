"use client";

import { useRef, type ReactNode } from "react";
import { downloadBlob, serializeSvg, svgToPng } from "@/lib/download";

export interface ChartFigureProps {
  /** Text alternative: what the chart shows, in words. */
  label: string;
  fileName: string;
  /** The chart's numbers as CSV (the same as the table under it), made when asked for. */
  csv: () => string;
  caption?: ReactNode;
  children: ReactNode;
}

/** A chart with its text alternative and download actions (CSV, SVG, PNG). */
export function ChartFigure({ label, fileName, csv, caption, children }: ChartFigureProps) {
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
      <div role="img" aria-label={label} ref={ref}>
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
