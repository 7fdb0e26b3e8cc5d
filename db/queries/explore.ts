import "server-only";
import type { Db } from "@/db/open";
import { keepPrimaryMetrics, toOverheadRows, toSeries, type OverheadTable, type SeriesStats } from "@/lib/overhead-rows";
import type { Filters } from "@/lib/search-params";
import { pickDataset, resolveSelection, unreadableParams, type Notice, type Selection } from "@/lib/selection";
import { getSelectionFacets, listDatasets, type DatasetFacet, type SelectionFacets } from "./facets";
import { listMeasurements } from "./measurements";

export interface ExploreData {
  datasets: DatasetFacet[];
  /** Null when nothing has been imported. */
  selection: Selection | null;
  facets: SelectionFacets | null;
  notices: Notice[];
  series: SeriesStats[];
  table: OverheadTable;
  baselineHasData: boolean;
}

const EMPTY: OverheadTable = { rows: [], skipped: [] };

/**
 * Everything a view needs, from the URL's filters: validated selection, notices for whatever
 * was dropped, per-series statistics and the overhead table. Pages and API routes share it.
 */
export async function getExploreData(db: Db, filters: Filters, raw: Record<string, string | string[] | undefined> = {}): Promise<ExploreData> {
  const datasets = await listDatasets(db, filters.asof);
  const picked = pickDataset(filters.dataset, datasets.map((d) => d.name));
  const notices = [...unreadableParams(raw), ...picked.notices];
  if (picked.dataset === null) return { datasets, selection: null, facets: null, notices, series: [], table: EMPTY, baselineHasData: false };
  const facets = await getSelectionFacets(db, picked.dataset, filters.host, filters.asof);
  const resolved = resolveSelection(filters, picked.dataset, facets);
  notices.push(...resolved.notices);
  const selection = resolved.selection;
  const measurements = keepPrimaryMetrics(await listMeasurements(db, selection), selection.metric);
  const series = toSeries(measurements);
  const baselineHasData = series.some((s) => s.runtime === selection.baseline);
  const table = baselineHasData ? toOverheadRows(series, selection.baseline) : EMPTY;
  return { datasets, selection, facets, notices, series, table, baselineHasData };
}
