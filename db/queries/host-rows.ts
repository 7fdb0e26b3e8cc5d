import "server-only";
import { memoizeByObject } from "@/lib/memoize";
import { overheadRow, toSeriesStats, type SeriesStats } from "@/lib/overhead/rows";

/**
 * A stored series' statistics and its overhead rows, computed once per object: a host summary
 * makes each series object once and is kept until the data changes (db/queries/series.ts), so
 * views that share series (every runtime subset of a host) share these too,
 * and lib/overhead/json-body.ts then reuses each row's JSON.
 */
export const statsOf = memoizeByObject(toSeriesStats);
const rowsAgainst = memoizeByObject((s: SeriesStats) => memoizeByObject((ref: SeriesStats) => overheadRow(s, ref)));
export const pairRow = (s: SeriesStats, ref: SeriesStats) => rowsAgainst(s)(ref);
