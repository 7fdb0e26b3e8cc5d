import { CATEGORIES } from "../categories";
import type { LogEstimate } from "../overhead/log-ratio";
import { overheadOfEstimate, percentsOf } from "../overhead/ratio";
import { indirectStudies, poolThroughBridge, rankBridges } from "./indirect";
import { poolRandomEffects } from "./pool";
import type { BridgeEffect, DatasetRows, Study } from "./studies";

/**
 * How the synthesis was computed, for the API's `method`. ASCII only, as lib/overhead/json-body.ts
 * explains: one non-ASCII character makes the whole response body a two-byte string.
 */
export const SYNTHESIS_METHOD =
  "study = one dataset, host and runtime version: the category's geometric mean cost ratio against the baseline on the same host; " +
  "pooled by random effects (DerSimonian-Laird tau^2) with a Hartung-Knapp-Sidik-Jonkman 95 % t interval (k - 1 df, scale truncated at 1); " +
  "n = 1 studies shown, not pooled; indirect = ratio to a bridge runtime within a dataset + the bridge's pooled direct effect, " +
  "pooled only where no direct study exists";

export interface SynthesisOptions {
  /** The runtime every effect is against (issue 17: default runc; the caller decides). */
  baseline: string;
  /** Runtime ids to report; empty or absent: all. Bridges are still worked out from every runtime. */
  runtimes?: readonly string[];
  /** Categories to report; empty or absent: all. */
  categories?: readonly string[];
  /** False leaves indirect evidence out entirely. Default true. */
  includeIndirect?: boolean;
}

/** One study as the API and the forest plot show it. */
export interface SynthesisStudy {
  dataset: string;
  host: string;
  version: string | null;
  workloads: string[];
  /** Smallest n behind the study. */
  n: number;
  /** Log cost ratio against the baseline (for indirect studies, through `via`). */
  logRatio: number;
  /** Squared standard error of logRatio; null with n = 1 (then the study is not pooled). */
  variance: number | null;
  overheadPct: number;
  ciLowPct: number | null;
  ciHighPct: number | null;
  /** Share of the pooled estimate, summing to 1 over the row's pooled studies; null when not pooled. */
  weight: number | null;
  indirect: boolean;
  /** The bridge runtime of an indirect study (its explore view is against `via`); null for direct ones. */
  via: string | null;
}

/** One runtime configuration (id and variant, across versions) in one category: its studies pooled. */
export interface SynthesisRow {
  runtime: string;
  variant: string | null;
  category: string;
  /** Studies pooled (0 when none has a variance). */
  k: number;
  pooledPct: number | null;
  ciLowPct: number | null;
  ciHighPct: number | null;
  /** Higgins' I² as a share (0 to 1); null when k < 2. */
  i2: number | null;
  /** DerSimonian–Laird τ² of log ratios; null when k < 2. */
  tau2: number | null;
  /** The pooled value rests on indirect studies (the runtime has no direct study in the category). */
  indirect: boolean;
  /** Studies that could have been pooled but have no variance (n = 1). */
  leftOut: number;
  /**
   * Every study, direct ones first. Not pooled (weight null): those without a variance, indirect ones
   * next to direct evidence, and indirect ones through a less preferred bridge than the pooled ones.
   */
  studies: SynthesisStudy[];
  /** The pooled log cost ratio with its variance and df, for summaries across categories; null when k = 0. */
  estimate: LogEstimate | null;
}

/** The synthesis of every runtime and category against one baseline. */
export interface Synthesis {
  baseline: string;
  method: string;
  rows: SynthesisRow[];
}

/**
 * Every runtime against the baseline across datasets, per category: direct studies from the
 * hosts that measured the baseline, indirect ones (through a bridge) from those that did not,
 * pooled by random effects (docs/decisions/007-synthesis-across-datasets.md).
 */
export function synthesize(datasets: readonly DatasetRows[], options: SynthesisOptions): Synthesis {
  const { baseline, includeIndirect = true } = options;
  const direct: Study[] = [];
  const lacking: DatasetRows[] = [];
  for (const d of datasets) {
    const studies = d.studiesAgainst(baseline);
    if (studies === null) lacking.push(d);
    else direct.push(...studies);
  }
  const groups = groupStudies(direct);
  if (includeIndirect) {
    const bridges = bridgeEffects(groups);
    for (const d of lacking) for (const s of indirectStudies(d, bridges, baseline)) groupOf(groups, s).push(s);
  }
  const rows = [...groups.values()].map(synthesisRow).sort(byRuntimeVariantCategory);
  return selectRows({ baseline, method: SYNTHESIS_METHOD, rows }, options);
}

/**
 * The rows of some runtimes and categories (empty or absent: all, and then the same object). A
 * row depends on its own runtime and category only (a bridge's effect is of the same category),
 * so picking rows after pooling everything equals pooling the picked ones.
 */
export function selectRows(
  synthesis: Synthesis,
  { runtimes, categories }: Pick<SynthesisOptions, "runtimes" | "categories">,
): Synthesis {
  if (!runtimes?.length && !categories?.length) return synthesis;
  const wanted = (r: SynthesisRow) =>
    (!runtimes?.length || runtimes.includes(r.runtime)) && (!categories?.length || categories.includes(r.category));
  return { ...synthesis, rows: synthesis.rows.filter(wanted) };
}

/** Studies by runtime, variant and category: versions of one runtime are studies of the same row. */
type StudyGroups = Map<string, Study[]>;

const groupKey = (s: Study) => JSON.stringify([s.runtime, s.variant, s.category]);

function groupOf(groups: StudyGroups, s: Study): Study[] {
  const key = groupKey(s);
  return groups.get(key) ?? groups.set(key, []).get(key)!;
}

function groupStudies(studies: readonly Study[]): StudyGroups {
  const groups: StudyGroups = new Map();
  for (const s of studies) groupOf(groups, s).push(s);
  return groups;
}

/** The plain runtimes' pooled direct effects, by category: the candidates for bridges. */
function bridgeEffects(directGroups: StudyGroups) {
  const byCategory = new Map<string, BridgeEffect[]>();
  for (const studies of directGroups.values()) {
    const { runtime, variant, category } = studies[0]!;
    if (variant !== null) continue;
    const effect = poolRandomEffects(studies);
    if (effect.estimate === null) continue;
    const candidate = { runtime, category, effect: effect.estimate, k: effect.k };
    byCategory.set(category, [...(byCategory.get(category) ?? []), candidate]);
  }
  return byCategory;
}

/**
 * One row: direct studies pooled when there are any; otherwise the indirect ones through the best
 * bridge, pooled so that the bridge counts once.
 */
function synthesisRow(studies: readonly Study[]): SynthesisRow {
  const direct = studies.filter((s) => s.bridge === null);
  const indirect = studies.filter((s) => s.bridge !== null);
  const { pooledStudies, pooled } = direct.length > 0 ? poolDirect(direct) : poolIndirect(indirect);
  const weightOf = new Map(pooledStudies.map((s, i) => [s, pooled.weights[i]!]));
  const { runtime, variant, category } = studies[0]!;
  return {
    runtime,
    variant,
    category,
    k: pooled.k,
    pooledPct: pooled.pooledPct,
    ciLowPct: pooled.ciLowPct,
    ciHighPct: pooled.ciHighPct,
    i2: pooled.i2,
    tau2: pooled.tau2,
    indirect: direct.length === 0,
    leftOut: pooled.leftOut,
    estimate: pooled.estimate,
    studies: [...direct, ...indirect].map((s) => studyOut(s, weightOf.get(s) ?? null)),
  };
}

function poolDirect(direct: readonly Study[]) {
  return { pooledStudies: direct, pooled: poolRandomEffects(direct) };
}

/** Indirect studies through the most preferred bridge among those used, the bridge counted once. */
function poolIndirect(indirect: readonly Study[]) {
  const bridge = rankBridges(indirect.map((s) => s.bridge!))[0]!;
  const pooledStudies = indirect.filter((s) => s.bridge!.runtime === bridge.runtime);
  return { pooledStudies, pooled: poolThroughBridge(pooledStudies, bridge.effect) };
}

function studyOut(s: Study, weight: number | null): SynthesisStudy {
  return {
    dataset: s.dataset,
    host: s.host,
    version: s.version,
    workloads: s.workloads,
    n: s.n,
    logRatio: s.logRatio,
    variance: s.variance,
    ...percentsOf(overheadOfEstimate(s)),
    weight,
    indirect: s.bridge !== null,
    via: s.bridge?.runtime ?? null,
  };
}

const categoryOrder = (c: string) => {
  const i = (CATEGORIES as readonly string[]).indexOf(c);
  return i < 0 ? CATEGORIES.length : i;
};

function byRuntimeVariantCategory(a: SynthesisRow, b: SynthesisRow): number {
  return (
    a.runtime.localeCompare(b.runtime) ||
    Number(a.variant !== null) - Number(b.variant !== null) ||
    (a.variant ?? "").localeCompare(b.variant ?? "") ||
    categoryOrder(a.category) - categoryOrder(b.category) ||
    a.category.localeCompare(b.category)
  );
}
