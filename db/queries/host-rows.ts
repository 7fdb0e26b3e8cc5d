import "server-only";
import type { StoredSeries } from "@/db/series-row";
import { memoizeByObject } from "@/lib/memoize";
import {
  overheadRow,
  primaryMetricKeeper,
  toOverheadRows,
  toSeriesStats,
  type OverheadRow,
  type SeriesStats,
} from "@/lib/overhead/rows";

/**
 * A stored series' statistics, its overhead rows and its list's headline metrics, computed once
 * per object: the host's series list is cached until the data changes (db/queries/read-cache.ts),
 * so views that share series (every runtime subset of a host, every synthesis) share these too,
 * and lib/overhead/json-body.ts then reuses each row's JSON. An uncached list
 * (HVSCOPE_READ_CACHE=off) only misses.
 */
export const statsOf = memoizeByObject(toSeriesStats);
export const primaryMetricsOf = memoizeByObject((stored: readonly StoredSeries[]) => primaryMetricKeeper(stored));
const rowsAgainst = memoizeByObject((s: SeriesStats) => memoizeByObject((ref: SeriesStats) => overheadRow(s, ref)));
export const pairRow = (s: SeriesStats, ref: SeriesStats) => rowsAgainst(s)(ref);

/** Every series of a host at its workload's headline metric, as the heatmap and the synthesis read it. */
const headlineSeriesOf = memoizeByObject((stored: readonly StoredSeries[]) =>
  primaryMetricsOf(stored)(stored, null).map(statsOf),
);

/** A host's headline overhead rows against `reference`; null when the host never measured it. */
export function headlineRowsAgainst(stored: readonly StoredSeries[], reference: string): OverheadRow[] | null {
  const series = headlineSeriesOf(stored);
  if (!series.some((s) => s.runtime === reference)) return null;
  return toOverheadRows(series, reference, pairRow).rows;
}
