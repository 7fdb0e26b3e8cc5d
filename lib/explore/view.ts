import {
  fromColumns,
  narrowRows,
  toOverheadColumns,
  type AbsoluteViewSeries,
  type Columns,
  type OverheadViewRow,
} from "./rows";
import type { OverheadTable } from "../overhead/rows";
import { VIEWS, type Filters, type View } from "../search-params";

/** Overhead series left out of the table, told in one sentence: how many, why, one example. */
export interface SkippedSummary {
  count: number;
  reasons: string[];
  example: { runtime: string; workload: string };
}

/** What the view under /explore's filters shows, in the form it travels to the browser. */
export type ExploreViewBody =
  /** The overhead view when the baseline has no samples: the runtimes that could be one. */
  | { kind: "baseline-missing"; runtimes: string[] }
  | { kind: "overhead"; columns: Columns<OverheadViewRow>; skipped: SkippedSummary | null }
  /** The first panels' series (lib/explore/chart-data.ts firstPanels) and how many panels the view has. */
  | { kind: "absolute"; series: AbsoluteViewSeries[]; totalPanels: number };

/**
 * One view of /explore: the page renders it, and /api/explore-view sends the same for the
 * view a click would show next. `filters` are the selection resolved (what drill-downs and
 * links must reproduce).
 */
export interface ExploreView {
  filters: Filters;
  body: ExploreViewBody;
}

export function summarizeSkipped(skipped: OverheadTable["skipped"]): SkippedSummary | null {
  const first = skipped[0];
  if (first === undefined) return null;
  return {
    count: skipped.length,
    reasons: [...new Set(skipped.map((s) => s.reason))],
    example: { runtime: first.series.runtime, workload: first.series.workload },
  };
}

/** The view the radio switches to. */
export const otherView = (view: View): View => VIEWS.find((v) => v !== view)!;

/**
 * The overhead view cut to runtime and workload filters that narrow its own (narrowRows), or null.
 * The skipped summary stays the wider view's: only rows can be cut without the server.
 */
export function narrowView(view: ExploreView, asked: Pick<Filters, "runtime" | "workload">): ExploreView | null {
  if (view.body.kind !== "overhead") return null;
  const rows = narrowRows(fromColumns(view.body.columns), view.filters, asked);
  if (rows === null) return null;
  return {
    filters: { ...view.filters, runtime: asked.runtime, workload: asked.workload },
    body: { ...view.body, columns: toOverheadColumns(rows) },
  };
}
