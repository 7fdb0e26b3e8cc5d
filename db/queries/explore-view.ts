import "server-only";
import type { Db } from "@/db/open";
import { firstPanels, MAX_PANELS } from "@/lib/explore/chart-data";
import { toAbsoluteViewSeries, toOverheadColumns } from "@/lib/explore/rows";
import { summarizeSkipped, type ExploreView, type ExploreViewBody } from "@/lib/explore/view";
import { runtimeIdsOf, selectionFilters } from "@/lib/explore/selection";
import type { SelectedExploreData } from "./explore";
import { listSeriesSamples, listSeriesSourceFiles, pointsBySeries } from "./series-samples";

/**
 * The view /explore shows for a selection, as the page renders it and /api/explore-view sends
 * it: one function, so a view fetched ahead of a click is the page the URL would get.
 */
export async function getExploreView(db: Db, data: SelectedExploreData): Promise<ExploreView> {
  const { selection } = data;
  const filters = selectionFilters(selection);
  return { filters, body: await readViewBody(db, data) };
}

async function readViewBody(
  db: Db,
  { selection, facets, series, table, baselineHasData }: SelectedExploreData,
): Promise<ExploreViewBody> {
  if (selection.view === "absolute") {
    // Only the first panels are drawn, so only their samples are read.
    const { shown, total } = firstPanels(series, MAX_PANELS);
    const points = pointsBySeries(
      await listSeriesSamples(
        db,
        shown.map((s) => s.seriesId),
        selection.asof,
      ),
    );
    return {
      kind: "absolute",
      series: toAbsoluteViewSeries(shown.map((s) => ({ ...s, values: points.get(s.seriesId) ?? [] }))),
      totalPanels: total,
    };
  }
  if (!baselineHasData) return { kind: "baseline-missing", runtimes: facets ? runtimeIdsOf(facets) : [] };
  // The raw files behind each row, for its provenance links.
  const files = await listSeriesSourceFiles(
    db,
    table.rows.map((r) => r.seriesId),
    selection.asof,
  );
  const rows = table.rows.map((r) => ({ ...r, sourceFileIds: files.get(r.seriesId) ?? [] }));
  return { kind: "overhead", columns: toOverheadColumns(rows), skipped: summarizeSkipped(table.skipped) };
}
