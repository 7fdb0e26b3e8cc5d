import {
  createLoader,
  createSearchParamsCache,
  createSerializer,
  parseAsArrayOf,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";

export const VIEWS = ["overhead", "absolute"] as const;
export type View = (typeof VIEWS)[number];

/**
 * The one URL contract of hvscope (a compatibility promise: see README, "Permalinks").
 * Values are validated against the database by lib/selection.ts; unknown ones produce a
 * notice, never an error. Defaults are part of a link's meaning: change them deliberately.
 */
export const filterParsers = {
  dataset: parseAsString,
  host: parseAsString,
  runtime: parseAsArrayOf(parseAsString).withDefault([]),
  workload: parseAsArrayOf(parseAsString).withDefault([]),
  metric: parseAsString,
  baseline: parseAsString.withDefault("runc"),
  view: parseAsStringLiteral(VIEWS).withDefault("overhead"),
  asof: parseAsInteger,
};

export type Filters = inferParserType<typeof filterParsers>;

export const filtersCache = createSearchParamsCache(filterParsers);
export const loadFilters = createLoader(filterParsers);
export const serializeFilters = createSerializer(filterParsers);

/** A permalink that spells out every value, defaults included, so it survives default changes. */
export const serializePermalink = createSerializer(filterParsers, { clearOnDefault: false });
