import type { Filters } from "../search-params";
import type { SeriesSamples, SourcedOverheadRow } from "../overhead/rows";

/*
 * The rows /explore sends to the browser, cut to what its charts, tables and CSV downloads show.
 * Each panel (a client component) draws its chart and its table from one copy of these, so the
 * rows travel once in the page's RSC payload rather than as chart props plus a server-rendered
 * table's element tree.
 */

function pick<T, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>;
}

/**
 * Rows as one array per field. The RSC payload spells out every key of every object, so for the
 * overhead table (one row per runtime and workload: hundreds) the field names alone weigh about
 * as much as the values. The absolute view shows at most 24 panels and sends plain objects.
 */
export type Columns<T> = { [K in keyof T]: T[K][] };

export function toColumns<T, K extends keyof T>(rows: readonly T[], keys: readonly K[]): Columns<Pick<T, K>> {
  return Object.fromEntries(keys.map((k) => [k, rows.map((r) => r[k])])) as Columns<Pick<T, K>>;
}

/** The rows back from {@link toColumns}. */
export function fromColumns<T extends object>(columns: Columns<T>): T[] {
  const keys = Object.keys(columns) as (keyof T)[];
  const length = keys.length === 0 ? 0 : columns[keys[0]!].length;
  return Array.from({ length }, (_, i) => Object.fromEntries(keys.map((k) => [k, columns[k][i]])) as T);
}

/** The overhead view's CSV download, column by column. */
export const OVERHEAD_CSV_COLUMNS = [
  "runtime",
  "version",
  "variant",
  "workload",
  "metric",
  "unit",
  "direction",
  "n",
  "baselineN",
  "mean",
  "sd",
  "baselineMean",
  "overheadPct",
  "ciLowPct",
  "ciHighPct",
] as const;
const OVERHEAD_FIELDS = [...OVERHEAD_CSV_COLUMNS, "category", "sourceFileIds"] as const;

/** An overhead row as its chart panel (grouped by category), table row and CSV line need it. */
export type OverheadViewRow = Pick<SourcedOverheadRow, (typeof OVERHEAD_FIELDS)[number]>;

/** The overhead table's rows in the form they travel to the browser (fromColumns restores them). */
export function toOverheadColumns(rows: readonly OverheadViewRow[]): Columns<OverheadViewRow> {
  return toColumns(rows, OVERHEAD_FIELDS);
}

/** One CSV line's fields of an overhead row. */
export const toOverheadCsvRow = (row: OverheadViewRow) => pick(row, OVERHEAD_CSV_COLUMNS);

/** The absolute view's CSV download, column by column. */
export const ABSOLUTE_CSV_COLUMNS = [
  "runtime",
  "version",
  "variant",
  "workload",
  "metric",
  "unit",
  "n",
  "mean",
  "sd",
  "geoMean",
  "ciLow",
  "ciHigh",
] as const;
const SERIES_FIELDS = [...ABSOLUTE_CSV_COLUMNS, "direction"] as const;
const VALUE_FIELDS = ["value", "repetition", "sourceFileId"] as const;

/** A series as its absolute panel (bar and repetition points), table row and CSV line need it. */
export type AbsoluteViewSeries = Pick<SeriesSamples, (typeof SERIES_FIELDS)[number]> & {
  values: Pick<SeriesSamples["values"][number], (typeof VALUE_FIELDS)[number]>[];
};

export function toAbsoluteViewSeries(series: readonly SeriesSamples[]): AbsoluteViewSeries[] {
  return series.map((s) => ({ ...pick(s, SERIES_FIELDS), values: s.values.map((v) => pick(v, VALUE_FIELDS)) }));
}

/** One CSV line's fields of a series. */
export const toAbsoluteCsvRow = (series: AbsoluteViewSeries) => pick(series, ABSOLUTE_CSV_COLUMNS);

type Narrowable = Pick<Filters, "runtime" | "workload">;

/**
 * The served rows cut to asked runtime and workload filters that narrow the served ones (fewer
 * runtimes or workloads; empty lists mean all), or null when the asked filters are wider, the
 * same, or leave nothing (an unknown name: the server explains it). The baseline's other
 * versions and variants stay, as in every runtime selection (lib/overhead/rows.ts).
 */
export function narrowRows<R extends { runtime: string; workload: string }>(
  rows: R[],
  served: Narrowable & Pick<Filters, "baseline">,
  asked: Narrowable,
): R[] | null {
  const runtimes = narrower(served.runtime, asked.runtime);
  const workloads = narrower(served.workload, asked.workload);
  if (runtimes === undefined || workloads === undefined || (runtimes === null && workloads === null)) return null;
  const kept = rows.filter(
    (r) =>
      (runtimes === null || runtimes.has(r.runtime) || r.runtime === served.baseline) &&
      (workloads === null || workloads.has(r.workload)),
  );
  return kept.length > 0 ? kept : null;
}

/** The asked values when they narrow the served ones (null: the same), undefined when they are wider. */
function narrower(served: string[], asked: string[]): Set<string> | null | undefined {
  if (asked.length === served.length && asked.every((a) => served.includes(a))) return null;
  if (asked.length === 0) return undefined; // "all" is wider than any list
  if (served.length > 0 && !asked.every((a) => served.includes(a))) return undefined;
  return new Set(asked);
}
