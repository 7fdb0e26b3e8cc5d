import type { CapabilityId } from "../catalog/capability-ids";
import type { IsolationStrength } from "../catalog/isolation";
import type { Weights } from "../catalog/weights";
import type { Category } from "../categories";
import { runtimeLabel, runtimeSeriesKey } from "../format";
import { combineLogRatios, type LogEstimate } from "../overhead/log-ratio";
import { overheadOfEstimate } from "../overhead/ratio";
import { synthesisCell, type SynthesisCell } from "../synthesis/cells";
import type { StudyPlace } from "../synthesis/study-links";
import type { SynthesisRow, SynthesisStudy } from "../synthesis/synthesize";
import {
  baselineEntry,
  byWeightedOverhead,
  catalogTraits,
  coverage,
  weightedCategories,
  type RankedEntry,
} from "./ranked";

/** A host behind a category's number: where its explore view is, and whether the number counts it. */
export interface EvidenceSource extends StudyPlace {
  indirect: boolean;
  /** False for studies the forest plot lists but the number leaves out (n = 1 beside pooled ones). */
  counted: boolean;
}

/** One weighted category of a ranked runtime: the synthesis cell and where it comes from. */
export interface CategoryEvidence {
  category: Category;
  weight: number;
  cell: SynthesisCell;
  /** Bridges of the counted indirect studies, most often one. */
  via: string[];
  sources: EvidenceSource[];
}

/** A runtime configuration ranked on the synthesis across datasets. */
export interface SynthesisRanked extends RankedEntry {
  /** The weighted categories with data, in the usual order. */
  evidence: CategoryEvidence[];
  /** Categories resting on n = 1 studies only: with any, the weighted overhead has no interval. */
  withoutInterval: Category[];
}

/**
 * Ranks runtime configurations (id and variant, across versions and datasets) for a use case by
 * the weighted geometric mean of their synthesis rows' category effects. A row with no pooled
 * estimate (only n = 1 studies) counts with its point value and no variance, so the runtime's
 * overall has no interval. Categories without a row drop out of the weights and are listed as
 * missing. Lowest overhead first, the baseline at 0 %.
 */
export function rankSynthesis(
  rows: readonly SynthesisRow[],
  weights: Weights,
  baseline: string,
  minIsolation?: IsolationStrength,
  requires: readonly CapabilityId[] = [],
): SynthesisRanked[] {
  const weighted = weightedCategories(weights);
  const ranked: SynthesisRanked[] = [];
  for (const [key, configRows] of byConfiguration(rows)) {
    const rowOf = (c: Category) => configRows.find((r) => r.category === c);
    const { measured, missing } = coverage(weighted, (c) => rowOf(c) !== undefined);
    if (measured.length === 0) continue;
    const evidence = measured.map((c) => categoryEvidence(c, weights[c]!, rowOf(c)!));
    const estimate = combineLogRatios(
      evidence.map((e) => estimateOf(e.cell)),
      evidence.map((e) => e.weight),
    );
    const { runtime, variant } = configRows[0]!;
    ranked.push({
      key,
      runtime,
      variant,
      label: runtimeLabel(runtime, null, variant),
      isBaseline: false,
      overhead: overheadOfEstimate(estimate),
      measured,
      missing,
      evidence,
      withoutInterval: evidence.filter((e) => !e.cell.pooled).map((e) => e.category),
      ...catalogTraits(runtime, minIsolation, requires),
    });
  }
  if (ranked.length > 0) {
    const anyMeasured = (c: Category) => rows.some((r) => r.category === c);
    ranked.push({
      ...baselineEntry(baseline, weighted, anyMeasured, minIsolation, requires),
      evidence: [],
      withoutInterval: [],
    });
  }
  return ranked.sort(byWeightedOverhead);
}

function byConfiguration(rows: readonly SynthesisRow[]): Map<string, SynthesisRow[]> {
  const groups = new Map<string, SynthesisRow[]>();
  for (const r of rows) {
    const key = runtimeSeriesKey(r.runtime, null, r.variant);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return groups;
}

/** The pooled estimate, or the unpooled point value with no variance (then no interval downstream). */
function estimateOf(cell: SynthesisCell): LogEstimate {
  return cell.row.estimate ?? { logRatio: Math.log1p(cell.overheadPct / 100), variance: null, df: null };
}

function categoryEvidence(category: Category, weight: number, row: SynthesisRow): CategoryEvidence {
  const cell = synthesisCell(row);
  // Without a pooled value the cell is the mean of every study, so every study counts.
  const counted = (s: SynthesisStudy) => !cell.pooled || s.weight !== null;
  const via = [...new Set(row.studies.filter((s) => counted(s) && s.via !== null).map((s) => s.via!))];
  return { category, weight, cell, via, sources: sourcesOf(row.studies, counted) };
}

/** One source per host and reference: versions of a runtime on one host share an explore view. */
function sourcesOf(studies: readonly SynthesisStudy[], counted: (s: SynthesisStudy) => boolean): EvidenceSource[] {
  const byView = new Map<string, EvidenceSource>();
  for (const s of studies) {
    const key = JSON.stringify([s.dataset, s.host, s.via]);
    const seen = byView.get(key);
    if (!seen) {
      const { dataset, host, via, workloads, indirect } = s;
      byView.set(key, { dataset, host, via, workloads, indirect, counted: counted(s) });
      continue;
    }
    seen.counted ||= counted(s);
    seen.workloads = [...new Set([...seen.workloads, ...s.workloads])];
  }
  return [...byView.values()];
}
