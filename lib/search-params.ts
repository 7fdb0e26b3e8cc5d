import {
  createLoader,
  createSerializer,
  parseAsArrayOf,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import { USE_CASE_IDS } from "./catalog/use-case-ids";

export const VIEWS = ["overhead", "absolute"] as const;
export type View = (typeof VIEWS)[number];

/** The runtime every view compares against unless the link names another (`baseline`). */
export const DEFAULT_BASELINE = "runc";

/** Use cases of the guide, plus a custom one whose weights live in `weights`. */
export const GUIDE_CASES = [...USE_CASE_IDS, "custom"] as const;
export type GuideCase = (typeof GUIDE_CASES)[number];

/**
 * The one URL contract of hvscope (a compatibility promise: see README, "Permalinks").
 * Values are validated against the database by lib/explore/selection.ts; unknown ones produce a
 * notice, never an error. Defaults are part of a link's meaning: change them deliberately.
 */
export const filterParsers = {
  dataset: parseAsString,
  host: parseAsString,
  runtime: parseAsArrayOf(parseAsString).withDefault([]),
  workload: parseAsArrayOf(parseAsString).withDefault([]),
  metric: parseAsString,
  baseline: parseAsString.withDefault(DEFAULT_BASELINE),
  view: parseAsStringLiteral(VIEWS).withDefault("overhead"),
  asof: parseAsInteger,
  /** Guide only: the use case, default the first one. */
  case: parseAsStringLiteral(GUIDE_CASES),
  /** Guide only: custom weights, `category:weight` pairs (lib/catalog/weights.ts parseWeights). */
  weights: parseAsString,
  /**
   * Guide only: capabilities every runtime must offer on top of the case's own (`gpu`,
   * `no-nested-virt`, `kubernetes`, `snapshot`; lib/catalog/capability-ids.ts). Unknown values
   * become a notice (lib/guide/case.ts). Absent, not empty, by default, so other links stay as they were.
   */
  require: parseAsArrayOf(parseAsString),
};

export type Filters = inferParserType<typeof filterParsers>;

/** A page's `searchParams` prop, as Next.js hands it over. */
export type PageSearchParams = Promise<Record<string, string | string[] | undefined>>;

export const loadFilters = createLoader(filterParsers);
export const serializeFilters = createSerializer(filterParsers);

/** `indirect=1` pools indirect evidence where a runtime has no direct study; `indirect=0` leaves it out. */
export const INDIRECT = [0, 1] as const;

/**
 * The synthesis across datasets (`/` and `/guide` without `dataset`, `/synthesis`,
 * `/api/synthesis`): the same `baseline`, `runtime` and `asof` as every view, plus categories
 * and whether indirect evidence counts.
 */
export const synthesisParsers = {
  baseline: filterParsers.baseline,
  runtime: filterParsers.runtime,
  asof: filterParsers.asof,
  category: parseAsArrayOf(parseAsString).withDefault([]),
  indirect: parseAsNumberLiteral(INDIRECT).withDefault(1),
};

export type SynthesisFilters = inferParserType<typeof synthesisParsers>;

export const loadSynthesisFilters = createLoader(synthesisParsers);
export const serializeSynthesis = createSerializer(synthesisParsers);
/** A synthesis permalink: every value spelled out, as serializePermalink does for a view. */
export const serializeSynthesisPermalink = createSerializer(synthesisParsers, { clearOnDefault: false });

/**
 * The guide (`/guide`): the per-dataset filters when `dataset` is given, otherwise the synthesis,
 * whose `indirect` it honours; `case` and `weights` in both modes.
 */
const guideParsers = { ...filterParsers, indirect: synthesisParsers.indirect };

export const serializeGuide = createSerializer(guideParsers);

/** A permalink that spells out every value, defaults included, so it survives default changes. */
export const serializePermalink = createSerializer(filterParsers, { clearOnDefault: false });
