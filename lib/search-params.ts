import {
  createLoader,
  createParser,
  createSerializer,
  parseAsArrayOf,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import { USE_CASE_IDS } from "./catalog/use-case-ids";
import { canonicalRuntimeId } from "./runtime-ids";

export const VIEWS = ["overhead", "absolute"] as const;
export type View = (typeof VIEWS)[number];

/** The runtime every view compares against unless the link names another (`baseline`). */
export const DEFAULT_BASELINE = "runc";

/** Use cases of the guide, plus a custom one whose weights live in `weights`. */
export const GUIDE_CASES = [...USE_CASE_IDS, "custom"] as const;
export type GuideCase = (typeof GUIDE_CASES)[number];

/**
 * A runtime id: the aliases import accepts (`gvisor`, `fc`, `kata`: lib/runtime-ids.ts) read as
 * the canonical id, so a link works as a manifest does; other values are kept as written.
 */
const parseAsRuntimeId = createParser({
  parse: (v: string) => canonicalRuntimeId(v) ?? v,
  serialize: (v: string) => v,
});

/**
 * The one URL contract of hvscope (a compatibility promise: see README, "Permalinks").
 * Values are validated against the database by lib/explore/selection.ts; unknown ones produce a
 * notice, never an error. Defaults are part of a link's meaning: change them deliberately.
 */
export const filterParsers = {
  dataset: parseAsString,
  host: parseAsString,
  runtime: parseAsArrayOf(parseAsRuntimeId).withDefault([]),
  workload: parseAsArrayOf(parseAsString).withDefault([]),
  metric: parseAsString,
  baseline: parseAsRuntimeId.withDefault(DEFAULT_BASELINE),
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

/** `studies=1` lists each synthesis row's studies, `studies=0` gives only their count. */
export const STUDIES = [0, 1] as const;

/**
 * `GET /api/synthesis`: the synthesis parameters plus `studies`. Absent, the studies are listed
 * when the link picks runtimes or categories (lib/synthesis/json-body.ts), so no page permalink carries it.
 */
export const synthesisApiParsers = { ...synthesisParsers, studies: parseAsNumberLiteral(STUDIES) };

export type SynthesisApiFilters = inferParserType<typeof synthesisApiParsers>;

export const loadSynthesisApiFilters = createLoader(synthesisApiParsers);

/**
 * The guide (`/guide`): the per-dataset filters when `dataset` is given, otherwise the synthesis,
 * whose `indirect` it honours; `case` and `weights` in both modes.
 */
const guideParsers = { ...filterParsers, indirect: synthesisParsers.indirect };

export const serializeGuide = createSerializer(guideParsers);

/** A permalink that spells out every value, defaults included, so it survives default changes. */
export const serializePermalink = createSerializer(filterParsers, { clearOnDefault: false });

/** Every parameter name of the contract; any other name in a link is a notice (lib/explore/selection.ts unknownParams). */
export const URL_PARAMS: readonly string[] = [
  ...new Set([...Object.keys(guideParsers), ...Object.keys(synthesisParsers)]),
];

type RawSearch = Record<string, string | string[] | undefined>;

/** The parameters that name runtimes, whose aliases a link may use. */
const RUNTIME_PARAMS = ["runtime", "baseline"] as const;

/**
 * The link's query string with runtime aliases written as canonical ids (`?runtime=gvisor` becomes
 * `?runtime=runsc-ptrace`), every other parameter as it was; null when it names none, so that a
 * page redirects only where the URL would change.
 */
export function canonicalQuery(raw: RawSearch): string | null {
  let changed = false;
  const params: string[] = [];
  // Written as nuqs writes links: commas between items and spaces as "+" stay readable.
  const encode = (v: string) => encodeURIComponent(v).replace(/%2C/g, ",").replace(/%20/g, "+");
  for (const [key, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      const canonical = (RUNTIME_PARAMS as readonly string[]).includes(key)
        ? v
            .split(",")
            .map((id) => canonicalRuntimeId(id) ?? id)
            .join(",")
        : v;
      changed ||= canonical !== v;
      params.push(`${encode(key)}=${encode(canonical)}`);
    }
  }
  return changed ? `?${params.join("&")}` : null;
}
