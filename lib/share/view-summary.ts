import { formatChange, formatPct, runtimeLabel } from "../format";
import type { Selection } from "../explore/selection";
import type { OverheadRow } from "../overhead/rows";

/** One bar of a shared view's picture: a runtime's overhead on one workload. */
export interface ShareBar {
  label: string;
  /** `+809 %`, the overhead (cost ratio − 1). */
  value: string;
  /** `n = 3`, or `n = 1, no interval` when either side ran once. */
  count: string;
  overheadPct: number;
  /** log2 of the cost ratio over the largest of the bars shown, from −1 to 1 (right is worse). */
  extent: number;
}

/** What a link preview, its image and an embed say about a view. */
export interface ViewSummary {
  /** Without the site name; the layout's title template adds it. */
  title: string;
  description: string;
  /** The data source line: dataset, host and the import the numbers are pinned to. */
  source: string;
  /** What the bars show, in one line. */
  caption: string;
  bars: ShareBar[];
}

/** Rows drawn at most: a preview image and an embed stay readable at a glance. */
const MAX_BARS = 8;

const log2Ratio = (r: Pick<OverheadRow, "overheadPct">) => Math.log2(1 + r.overheadPct / 100);
const countOf = (r: Pick<OverheadRow, "n" | "baselineN">) =>
  r.n < 2 || r.baselineN < 2 ? "n = 1, no interval" : `n = ${Math.min(r.n, r.baselineN)}`;
const rowLabel = (r: OverheadRow) => `${runtimeLabel(r.runtime, r.version, r.variant)} · ${r.workload}`;
/** A bar's label: the workload, after the runtime (without its version, which the title names) when bars differ in runtime. */
const barLabel = (r: OverheadRow, oneRuntime: boolean) =>
  oneRuntime ? r.workload : `${runtimeLabel(r.runtime, null, r.variant)} · ${r.workload}`;

/**
 * A view's main finding in words and its largest changes as bars, from the rows the page already
 * computed: the row that changed most (largest |log ratio|) gives the title.
 */
export function summarizeView(selection: Selection, rows: readonly OverheadRow[], maxBars = MAX_BARS): ViewSummary {
  const baseline = runtimeLabel(selection.baseline);
  const source = `${selection.dataset} on ${selection.host}, ${
    selection.asof === null ? "latest import" : `as of import #${selection.asof}`
  }`;
  const caption = `Overhead against ${baseline} (cost ratio − 1; right is worse)`;
  const ranked = [...rows].sort((a, b) => Math.abs(log2Ratio(b)) - Math.abs(log2Ratio(a)));
  const top = ranked[0];
  if (!top)
    return {
      title: `${selection.dataset} on ${selection.host}: no rows against ${baseline}`,
      description: `No runtime of this view has a measured baseline (${baseline}) to compare against. Data: ${source}.`,
      source,
      caption,
      bars: [],
    };
  const shown = ranked.slice(0, maxBars);
  const largest = Math.max(...shown.map((r) => Math.abs(log2Ratio(r))), Number.EPSILON);
  const oneRuntime = new Set(shown.map((r) => runtimeLabel(r.runtime, r.version, r.variant))).size === 1;
  const bars = shown.map((r) => ({
    label: barLabel(r, oneRuntime),
    value: formatPct(r.overheadPct),
    count: countOf(r),
    overheadPct: r.overheadPct,
    extent: log2Ratio(r) / largest,
  }));
  const runtimes = new Set(rows.map((r) => r.runtime)).size;
  const workloads = new Set(rows.map((r) => r.workload)).size;
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  return {
    title: `${runtimeLabel(top.runtime, top.version, top.variant)} against ${baseline}: ${top.workload} ${formatChange(top)}, ${countOf(top)}`,
    description:
      `${plural(runtimes, "runtime")} on ${plural(workloads, "workload")} against ${baseline}. ` +
      `Largest changes: ${shown
        .slice(0, 3)
        .map((r) => `${rowLabel(r)} ${formatChange(r)}`)
        .join("; ")}. Data: ${source}.`,
    source,
    caption,
    bars,
  };
}

/** What a preview shows before anything has been imported. */
export const NO_DATA_SUMMARY: ViewSummary = {
  title: "No samples imported yet",
  description: "This hvscope holds no data yet.",
  source: "none imported",
  caption: "",
  bars: [],
};
