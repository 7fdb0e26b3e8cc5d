import type { HostSeries } from "@/lib/overhead/host-summary";
import type { SeriesIdentity } from "@/lib/overhead/rows";
import { fromStatsColumns, type StatsColumns } from "./stats-columns";

/** A series as the host-series query returns it: workload and metric by id, with its statistics. */
export type HostSeriesRow = StatsColumns & {
  id: number;
  runtime: string;
  version: string | null;
  variant: string | null;
  workloadId: number;
  metricId: number;
};

/** A series named and ready for the overhead maths. */
export type StoredSeries = HostSeries;

type WorkloadRow = { name: string; category: string; tool: string };
type MetricRow = { name: string; unit: string; direction: SeriesIdentity["direction"] };

/**
 * Names a host's series from the workload and metric tables read by id. Built field by field:
 * rest destructuring (`{ n, ...identity }`) is measurably slower over thousands of rows
 * (docs/performance.md).
 */
export function nameHostSeries(
  rows: readonly HostSeriesRow[],
  workloads: ReadonlyMap<number, WorkloadRow>,
  metrics: ReadonlyMap<number, MetricRow>,
): StoredSeries[] {
  return rows.map((r) => {
    const w = workloads.get(r.workloadId)!;
    const m = metrics.get(r.metricId)!;
    return {
      id: r.id,
      runtime: r.runtime,
      version: r.version,
      variant: r.variant,
      workload: w.name,
      category: w.category,
      tool: w.tool,
      metric: m.name,
      unit: m.unit,
      direction: m.direction,
      moments: fromStatsColumns(r),
    };
  });
}
