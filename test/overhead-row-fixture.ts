import type { LogEstimate } from "../lib/overhead/log-ratio";
import { computeOverhead, overheadOfEstimate, percentsOf, type Overhead } from "../lib/overhead/ratio";
import type { OverheadRow } from "../lib/overhead/rows";

export interface RowSpec {
  runtime: string;
  workload: string;
  category?: string;
  direction: "higher" | "lower";
  metric: string;
  values: number[];
  base: number[];
}

/** An overhead row computed from raw values the way toOverheadRows does, for tests of what reads rows. */
export function overheadRowFor({ values, base, direction, ...spec }: RowSpec): OverheadRow {
  return {
    ...overheadRowWith(
      { ...spec, direction, n: values.length, baselineN: base.length },
      computeOverhead(values, base, direction),
    ),
    mean: values[0]!,
    baselineMean: base[0]!,
    ciLowPct: null,
    ciHighPct: null,
  };
}

export interface EstimateSpec {
  runtime: string;
  version?: string | null;
  variant?: string | null;
  workload: string;
  category?: string;
  metric?: string;
  direction?: "higher" | "lower";
  /** n of both sides; 1 goes with a null variance. */
  n?: number;
  baselineN?: number;
}

/** An overhead row with a given log ratio estimate, for tests that work with log ratios and variances directly. */
export function overheadRowOf(spec: EstimateSpec, estimate: LogEstimate): OverheadRow {
  return overheadRowWith(spec, overheadOfEstimate(estimate));
}

function overheadRowWith(
  {
    runtime,
    version = null,
    variant = null,
    workload,
    category = "web",
    metric = "t",
    direction = "lower",
    n = 3,
    baselineN = n,
  }: EstimateSpec,
  overhead: Overhead,
): OverheadRow {
  return {
    seriesId: 0,
    runtime,
    version,
    variant,
    workload,
    category,
    metric,
    unit: "ops_per_s",
    direction,
    n,
    mean: 1,
    sd: null,
    baselineN,
    baselineMean: 1,
    ...percentsOf(overhead),
    overhead,
  };
}
