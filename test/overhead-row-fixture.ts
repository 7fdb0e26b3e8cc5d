import { computeOverhead } from "../lib/overhead/ratio";
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
export function overheadRowFor({
  runtime,
  workload,
  category = "web",
  direction,
  metric,
  values,
  base,
}: RowSpec): OverheadRow {
  const overhead = computeOverhead(values, base, direction);
  return {
    seriesId: 0,
    runtime,
    version: null,
    variant: null,
    workload,
    category,
    metric,
    unit: "ops_per_s",
    direction,
    n: values.length,
    mean: values[0]!,
    sd: null,
    baselineN: base.length,
    baselineMean: base[0]!,
    overheadPct: overhead.overhead * 100,
    ciLowPct: null,
    ciHighPct: null,
    overhead,
  };
}
