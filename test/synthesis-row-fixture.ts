import type { LogEstimate } from "../lib/overhead/log-ratio";
import type { SynthesisRow, SynthesisStudy } from "../lib/synthesis/synthesize";

/** A log ratio as overhead in percent. */
export const pct = (log: number) => Math.expm1(log) * 100;

interface StudyOptions {
  variance?: number | null;
  weight?: number | null;
  via?: string | null;
  version?: string | null;
  host?: string;
  workloads?: string[];
}

/** A study of `dataset` with a log ratio; no variance means n = 1; `weight` null means not pooled. */
export function study(
  dataset: string,
  logRatio: number,
  {
    variance = 0.01,
    weight = 1,
    via = null,
    version = null,
    host = `${dataset}-host`,
    workloads = ["w"],
  }: StudyOptions = {},
): SynthesisStudy {
  return {
    dataset,
    host,
    version,
    workloads,
    n: variance === null ? 1 : 3,
    logRatio,
    variance,
    overheadPct: pct(logRatio),
    ciLowPct: null,
    ciHighPct: null,
    weight,
    indirect: via !== null,
    via,
  };
}

/** A synthesis row pooled to `estimate` (null: nothing could be pooled) from `studies`. */
export function row(
  runtime: string,
  category: string,
  estimate: LogEstimate | null,
  studies: SynthesisStudy[],
  variant: string | null = null,
): SynthesisRow {
  const pooled = studies.filter((s) => s.weight !== null);
  return {
    runtime,
    variant,
    category,
    k: pooled.length,
    pooledPct: estimate && pct(estimate.logRatio),
    ciLowPct: null,
    ciHighPct: null,
    i2: null,
    tau2: null,
    indirect: studies.every((s) => s.indirect),
    leftOut: studies.filter((s) => s.weight === null && s.variance === null).length,
    studies,
    estimate,
  };
}
