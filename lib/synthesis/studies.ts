import { categoryEffect, groupByConfigurationAndCategory } from "../overhead/category-effect";
import type { LogEstimate } from "../overhead/log-ratio";
import type { OverheadRow } from "../overhead/rows";

/** One host of a dataset, as the synthesis reads it (the database layer supplies these). */
export interface DatasetRows {
  dataset: string;
  host: string;
  /** The runtime ids this host measured. */
  runtimes: readonly string[];
  /**
   * This host's studies against `reference` (toStudies of its overhead rows, one headline metric per
   * workload, as the heatmap's); null when the host has no series of `reference`. Studies, not rows:
   * a few per category are all the pooling keeps of a host (docs/decisions/016-host-summaries.md).
   */
  studiesAgainst(reference: string): readonly Study[] | null;
}

/** A host whose overhead rows against each reference are given: its studies, made once per reference. */
export function hostFromRows(
  source: Pick<DatasetRows, "dataset" | "host" | "runtimes">,
  rowsAgainst: (reference: string) => readonly OverheadRow[] | null,
): DatasetRows {
  const made = new Map<string, readonly Study[] | null>();
  return {
    ...source,
    studiesAgainst(reference) {
      if (!made.has(reference)) {
        const rows = rowsAgainst(reference);
        made.set(reference, rows && toStudies(rows, { dataset: source.dataset, host: source.host, reference }));
      }
      return made.get(reference)!;
    },
  };
}

/** Where a table of overhead rows comes from: one dataset and host, against one reference runtime. */
export interface StudySource {
  dataset: string;
  host: string;
  /** The runtime whose reference series the rows are against: the baseline, or a bridge. */
  reference: string;
}

/** A bridge runtime's pooled direct effect against the baseline in one category. */
export interface BridgeEffect {
  runtime: string;
  category: string;
  /** The pooled log ratio against the baseline with its variance and df (PooledEffect.estimate). */
  effect: LogEstimate;
  /** Direct studies pooled into `effect`. */
  k: number;
}

/** How an indirect study reaches the baseline: through a bridge runtime its dataset measured. */
export interface Bridge extends BridgeEffect {
  /** The study's runtime against the bridge, within the dataset. */
  leg: LogEstimate;
}

/**
 * One study: a runtime configuration measured on one host of one dataset next to the reference,
 * summarised over one category exactly as the heatmap's cell is. The effect (logRatio, variance,
 * df) is the category's mean log cost ratio against `reference`; variance and df are null when
 * some series behind it has n = 1.
 */
export interface Study extends LogEstimate {
  dataset: string;
  host: string;
  runtime: string;
  version: string | null;
  variant: string | null;
  category: string;
  reference: string;
  /** The workloads behind the effect, each at its headline metric. */
  workloads: string[];
  /** Smallest n behind the effect, runtime or reference side. */
  n: number;
  /** Null for direct evidence; for indirect evidence, the bridge it went through. */
  bridge: Bridge | null;
}

/**
 * The studies of one host's overhead table (toOverheadRows, one headline metric per workload): one
 * per runtime configuration and category. The reference runtime's own other versions and variants
 * are left out: they compare releases, not isolation, and its effect is 0 by definition.
 */
export function toStudies(rows: readonly OverheadRow[], source: StudySource): Study[] {
  const studies: Study[] = [];
  for (const config of groupByConfigurationAndCategory(rows)) {
    if (config.runtime === source.reference) continue;
    for (const [category, parts] of config.byCategory) {
      const effect = categoryEffect(parts);
      studies.push({
        ...effect.overhead.estimate,
        dataset: source.dataset,
        host: source.host,
        runtime: config.runtime,
        version: config.version,
        variant: config.variant,
        category,
        reference: source.reference,
        workloads: effect.workloads,
        n: effect.minN,
        bridge: null,
      });
    }
  }
  return studies;
}
