import type { ReactNode } from "react";
import { DataTableHead } from "@/components/ui/data-table-head";
import { RovingFocus } from "@/components/ui/roving-focus";
import { forestFinding } from "@/lib/a11y/chart-findings";
import { formatInterval, formatPct } from "@/lib/format";
import { forestPosition, type ForestScale } from "@/lib/synthesis/forest";

/** One study's line: its estimate and interval in percent, its share of the pooled value. */
export interface ForestStudy {
  key: string;
  label: ReactNode;
  detail: string;
  n: number;
  pct: number;
  lowPct: number | null;
  highPct: number | null;
  /** Share of the pooled estimate; null when the study is not pooled. */
  weight: number | null;
  indirect: boolean;
}

export interface ForestPooled {
  label: string;
  pct: number;
  lowPct: number | null;
  highPct: number | null;
}

export interface ForestPlotProps {
  caption: ReactNode;
  studies: readonly ForestStudy[];
  pooled: ForestPooled | null;
  scale: ForestScale;
}

const at = (scale: ForestScale, pct: number) => `${forestPosition(scale, pct) * 100}%`;

/**
 * A forest plot as a table: every number in its cells, and in the last column each study's
 * interval (dashed when indirect) with a square sized by its weight, then the pooled diamond.
 * Plain HTML on a shared log2 scale, so it needs no script and reads the same to a screen reader,
 * which also hears the main finding in the caption. The study links are one Tab stop.
 */
export function ForestPlot({ caption, studies, pooled, scale }: ForestPlotProps) {
  return (
    <RovingFocus selector="a[href]">
      <div className="overflow-x-auto" data-chart="">
        <table className="data-table forest-plot">
          <caption className="mb-2 text-left text-sm">
            {caption}
            <span className="sr-only">
              {` ${forestFinding(
                pooled,
                studies.map((s) => s.pct),
              )}`}
            </span>
          </caption>
          <DataTableHead
            columns={[
              { label: "Study" },
              { label: "Overhead", numeric: true },
              { label: "95 % interval", numeric: true },
              { label: "Weight", numeric: true },
              { label: <ForestAxis scale={scale} /> },
            ]}
          />
          <tbody>
            {studies.map((s) => (
              <tr key={s.key}>
                <th scope="row" className="font-normal">
                  {s.label}
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">{s.detail}</span>
                </th>
                <td className="num">{formatPct(s.pct)}</td>
                <td className="num">{formatInterval(s.lowPct, s.highPct, s.n, s.n)}</td>
                <td className="num">{s.weight === null ? "not pooled" : `${(s.weight * 100).toFixed(0)} %`}</td>
                <td className="w-2/5 min-w-32">
                  <StudyMark scale={scale} study={s} />
                </td>
              </tr>
            ))}
            {pooled && (
              <tr className="font-medium">
                <th scope="row">{pooled.label}</th>
                <td className="num">{formatPct(pooled.pct)}</td>
                <td className="num">
                  {pooled.lowPct === null ? "no interval" : formatInterval(pooled.lowPct, pooled.highPct, 2, 2)}
                </td>
                <td className="num">100 %</td>
                <td>
                  <PooledMark scale={scale} pooled={pooled} />
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </RovingFocus>
  );
}

function ForestAxis({ scale }: { scale: ForestScale }) {
  return (
    <span className="relative mx-5 block h-4 min-w-32" aria-label="log scale, overhead against the baseline">
      {scale.ticks.map((t) => (
        <span
          key={t.log2}
          className="absolute -translate-x-1/2 text-xs whitespace-nowrap"
          style={{ left: at(scale, t.pct) }}
        >
          {t.pct === 0 ? "0 %" : formatPct(t.pct)}
        </span>
      ))}
    </span>
  );
}

function ZeroLine({ scale }: { scale: ForestScale }) {
  return <span className="absolute inset-y-0 w-px bg-zinc-400" style={{ left: at(scale, 0) }} />;
}

function StudyMark({ scale, study }: { scale: ForestScale; study: ForestStudy }) {
  const size = study.weight === null ? 6 : 6 + Math.round(study.weight * 10);
  return (
    <span className="relative mx-5 block h-5" aria-hidden="true">
      <ZeroLine scale={scale} />
      {study.lowPct !== null && study.highPct !== null && (
        <span
          className={`absolute top-1/2 border-t-2 border-current ${study.indirect ? "border-dashed" : ""}`}
          style={{ left: at(scale, study.lowPct), right: `calc(100% - ${at(scale, study.highPct)})` }}
        />
      )}
      <span
        data-mark=""
        className={`absolute top-1/2 -translate-x-1/2 -translate-y-1/2 border-2 border-current ${study.weight === null ? "" : "bg-current"}`}
        style={{ left: at(scale, study.pct), width: size, height: size }}
      />
    </span>
  );
}

function PooledMark({ scale, pooled }: { scale: ForestScale; pooled: ForestPooled }) {
  const [low, high] = [pooled.lowPct ?? pooled.pct, pooled.highPct ?? pooled.pct];
  return (
    <span className="relative mx-5 block h-5" aria-hidden="true">
      <ZeroLine scale={scale} />
      <span
        data-mark=""
        className="absolute inset-y-0.5 min-w-2 bg-current"
        style={{
          left: at(scale, low),
          right: `calc(100% - ${at(scale, high)})`,
          clipPath: `polygon(0 50%, ${diamondTip(scale, pooled, low, high)} 0, 100% 50%, ${diamondTip(scale, pooled, low, high)} 100%)`,
        }}
      />
    </span>
  );
}

/** Where the diamond's top and bottom points sit within its width: at the pooled estimate. */
function diamondTip(scale: ForestScale, pooled: ForestPooled, low: number, high: number): string {
  const [l, h, p] = [low, high, pooled.pct].map((v) => forestPosition(scale, v));
  return h! - l! <= 0 ? "50%" : `${((p! - l!) / (h! - l!)) * 100}%`;
}
