import { runtimeSeriesKey } from "../format";
import { summarizeOverheads, type Overhead } from "./ratio";
import type { OverheadRow } from "./rows";

/** One runtime configuration (id, version, variant) of a table, with its rows by category. */
export interface ConfigurationRows {
  /** runtimeSeriesKey of the configuration. */
  key: string;
  runtime: string;
  version: string | null;
  variant: string | null;
  byCategory: Map<string, OverheadRow[]>;
}

/** The rows of an overhead table by runtime configuration, then category, in the order first met. */
export function groupByConfigurationAndCategory(rows: readonly OverheadRow[]): ConfigurationRows[] {
  const byKey = new Map<string, ConfigurationRows>();
  for (const r of rows) {
    const key = runtimeSeriesKey(r.runtime, r.version, r.variant);
    let group = byKey.get(key);
    if (!group) {
      group = { key, runtime: r.runtime, version: r.version, variant: r.variant, byCategory: new Map() };
      byKey.set(key, group);
    }
    const parts = group.byCategory.get(r.category);
    if (parts) parts.push(r);
    else group.byCategory.set(r.category, [r]);
  }
  return [...byKey.values()];
}

/** A configuration's cost over one category, as the heatmap's cell and a synthesis study state it. */
export interface CategoryEffect {
  /** Geometric mean of the workloads' cost ratios, with the propagated interval. */
  overhead: Overhead;
  /** Workloads summarised, each at its headline metric (the rows' order). */
  workloads: string[];
  /** Smallest n of any part, runtime or baseline side: n = 1 anywhere means no interval. */
  minN: number;
}

/**
 * The effect of one configuration's rows in one category: the equal-weight geometric mean of its
 * workloads' ratios. Rows must hold one metric per workload (keepPrimaryMetrics) so each counts once.
 */
export function categoryEffect(rows: readonly OverheadRow[]): CategoryEffect {
  return {
    overhead: summarizeOverheads(rows.map((r) => r.overhead)),
    workloads: rows.map((r) => r.workload),
    minN: Math.min(...rows.flatMap((r) => [r.n, r.baselineN])),
  };
}
