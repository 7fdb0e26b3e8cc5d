import "server-only";
import type { HostSummary } from "@/lib/overhead/host-summary";
import { memoizeByObject } from "@/lib/memoize";
import { overheadRow, toOverheadRows, toSeriesStats, type OverheadRow, type SeriesStats } from "@/lib/overhead/rows";

/**
 * A stored series' statistics and its overhead rows, computed once per object: a host summary
 * makes each series object once and is kept until the data changes (db/queries/series.ts), so
 * views that share series (every runtime subset of a host, every synthesis) share these too,
 * and lib/overhead/json-body.ts then reuses each row's JSON.
 */
export const statsOf = memoizeByObject(toSeriesStats);
const rowsAgainst = memoizeByObject((s: SeriesStats) => memoizeByObject((ref: SeriesStats) => overheadRow(s, ref)));
export const pairRow = (s: SeriesStats, ref: SeriesStats) => rowsAgainst(s)(ref);

/** Every series of a host at its workload's headline metric, as the heatmap and the synthesis read it. */
const headlineSeriesOf = memoizeByObject((host: HostSummary) =>
  host.select({ runtimes: [], workloads: [], metric: null, baseline: "" }).map(statsOf),
);

/** A host's headline overhead rows against `reference`; null when the host never measured it. */
export function headlineRowsAgainst(host: HostSummary, reference: string): OverheadRow[] | null {
  const series = headlineSeriesOf(host);
  if (!series.some((s) => s.runtime === reference)) return null;
  return toOverheadRows(series, reference, pairRow).rows;
}
