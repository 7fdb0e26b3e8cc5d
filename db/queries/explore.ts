import "server-only";
import type { Db } from "@/db/open";
import { cacheUntilDataChanges } from "@/db/queries/read-cache";
import { toOverheadRows, type OverheadTable, type SeriesStats } from "@/lib/overhead/rows";
import { loadFilters, type Filters } from "@/lib/search-params";
import {
  baselineAsked,
  droppedBySelection,
  NOTICE_PARAMS,
  pickDataset,
  pickHost,
  quotedParams,
  resolveSelection,
  unreadableParams,
  type Notice,
  type RawParams,
  type Selection,
} from "@/lib/explore/selection";
import { selectionFacets, type SelectionFacets } from "./facets";
import { pairRow, statsOf } from "./host-rows";
import { firstDatasetHolding, getHostSummary, listDatasetHosts, listDatasets, type DatasetFacet } from "./series";

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

/** A view's data once something has been imported: what the API routes and view bodies work from. */
export type SelectedExploreData = ExploreData & { selection: Selection };

export const hasSelection = (data: ExploreData): data is SelectedExploreData => data.selection !== null;

const EMPTY: OverheadTable = { rows: [], skipped: [] };

/**
 * Everything a view needs, from the URL's filters: validated selection, notices for whatever
 * was dropped, per-series statistics and the overhead table. Pages and API routes share it.
 * `raw` holds the URL's own parameters: a `baseline` absent from them (and the filters' baseline
 * the default) is the default one, which gives way to a dataset's reference runtime
 * (lib/explore/selection.ts resolveSelection).
 * Reads the statistics kept per series at ingest (db/schema.ts series_stats), never the samples,
 * and is cached until the database changes (db/queries/read-cache.ts): treat the result as immutable.
 */
export function getExploreData(db: Db, filters: Filters, raw: RawParams = {}): Promise<ExploreData> {
  return cachedExploreData(db, filters, quotedParams(raw, NOTICE_PARAMS), baselineAsked(filters, raw));
}

// A view is costly to compute at scale (docs/performance.md) and is immutable between imports.
const cachedExploreData = cacheUntilDataChanges(readExploreData, { maxEntries: 64, keepOnSecondRead: true });

async function readExploreData(db: Db, filters: Filters, raw: RawParams, askedBaseline: boolean): Promise<ExploreData> {
  const datasets = await listDatasets(db, filters.asof);
  const names = datasets.map((d) => d.name);
  const needsDefault = filters.dataset === null || !names.includes(filters.dataset);
  const holding = needsDefault ? await firstDatasetHolding(db, names, filters.baseline, filters.asof) : null;
  const picked = pickDataset(filters.dataset, names, (d) => d === holding);
  const notices = [...unreadableParams(raw), ...picked.notices];
  if (picked.dataset === null)
    return { datasets, selection: null, facets: null, notices, series: [], table: EMPTY, baselineHasData: false };
  const hosts = await listDatasetHosts(db, picked.dataset, filters.asof);
  const host = await getHostSummary(db, picked.dataset, pickHost(filters.host, hosts), filters.asof);
  const facets = selectionFacets(hosts, host);
  const resolved = resolveSelection(filters, picked.dataset, facets, { baselineAsked: askedBaseline });
  notices.push(...resolved.notices);
  const selection = resolved.selection;
  const series = host.select(selection).map(statsOf);
  notices.push(...droppedBySelection(selection, series));
  const baselineHasData = series.some((s) => s.runtime === selection.baseline);
  const table = baselineHasData ? toOverheadRows(series, selection.baseline, pairRow) : EMPTY;
  return { datasets, selection, facets, notices, series, table, baselineHasData };
}

/**
 * What `/` and `/guide` summarise: every runtime and workload of the dataset and host the URL
 * selects, each at its headline metric. `asked` keeps the URL's own values (case, weights).
 */
export async function getSummaryData(db: Db, raw: RawParams) {
  const asked = loadFilters(raw);
  const filters: Filters = { ...asked, runtime: [], workload: [], metric: null, view: "overhead" };
  return { asked, filters, data: await getExploreData(db, filters, raw) };
}
