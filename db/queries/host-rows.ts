import "server-only";
import type { HostSummary } from "@/lib/overhead/host-summary";
import { memoizeByObject } from "@/lib/memoize";
import { overheadRow, toOverheadRows, toSeriesStats, type SeriesStats } from "@/lib/overhead/rows";
import { hostFromRows, type DatasetRows } from "@/lib/synthesis/studies";

/**
 * A stored series' statistics and its overhead rows, computed once per object: a host summary
 * makes each series object once and is kept until the data changes (db/queries/series.ts), so
 * views that share series (every runtime subset of a host) share these too,
 * and lib/overhead/json-body.ts then reuses each row's JSON.
 */
export const statsOf = memoizeByObject(toSeriesStats);
const rowsAgainst = memoizeByObject((s: SeriesStats) => memoizeByObject((ref: SeriesStats) => overheadRow(s, ref)));
export const pairRow = (s: SeriesStats, ref: SeriesStats) => rowsAgainst(s)(ref);

/**
 * A host as the synthesis reads it (lib/synthesis/studies.ts), one per summary: its studies against
 * each reference are made once, from every headline series of the host, which are not kept: the
 * synthesis keeps a few studies per category of each host, not thousands of rows
 * (docs/decisions/016-host-summaries.md).
 */
export function synthesisHost(summary: HostSummary, source: { dataset: string; host: string }): DatasetRows {
  let host = hostsBySummary.get(summary);
  if (!host) {
    host = hostFromRows({ ...source, runtimes: summary.runtimes }, (reference) => {
      const series = summary.select(ALL_AT_HEADLINE, { keep: false }).map(toSeriesStats);
      return series.some((s) => s.runtime === reference) ? toOverheadRows(series, reference).rows : null;
    });
    hostsBySummary.set(summary, host);
  }
  return host;
}

const ALL_AT_HEADLINE = { runtimes: [], workloads: [], metric: null, baseline: "" };
const hostsBySummary = new WeakMap<HostSummary, DatasetRows>();
