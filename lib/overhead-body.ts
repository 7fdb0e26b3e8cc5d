import type { OverheadRow } from "./overhead-rows";

/**
 * The body of GET /api/overhead (README, "JSON API"), also built by bench:perf's minimal server
 * (lib/perf/overhead-query.ts), so the floor serialises exactly what the route does. Rows are
 * built field by field: the order of the keys is part of the response, and a rest copy
 * (`{ seriesId, ...row }`) cost 15 µs a row.
 */
export function overheadBody(view: { dataset: string; host: string; baseline: string; asof: number | null }, rows: readonly OverheadRow[]) {
  return {
    dataset: view.dataset,
    host: view.host,
    baseline: view.baseline,
    asof: view.asof,
    method: "overhead = ratio of geometric means of cost (1/value when higher is better) − 1; 95 % Welch t interval on log values",
    rows: rows.map((r) => ({
      runtime: r.runtime,
      version: r.version,
      variant: r.variant,
      workload: r.workload,
      category: r.category,
      metric: r.metric,
      unit: r.unit,
      direction: r.direction,
      n: r.n,
      baselineN: r.baselineN,
      mean: r.mean,
      sd: r.sd,
      baselineMean: r.baselineMean,
      overheadPct: r.overheadPct,
      ciLowPct: r.ciLowPct,
      ciHighPct: r.ciHighPct,
    })),
  };
}
