import { runtimeLabel } from "../format";
import {
  DEFAULT_BASELINE,
  GUIDE_CASES,
  URL_PARAMS,
  VIEWS,
  type Filters,
  type SynthesisApiFilters,
  type View,
} from "../search-params";

/** A view the database can show: every value checked against what was imported. */
export interface Selection {
  dataset: string;
  host: string;
  runtimes: string[];
  workloads: string[];
  metric: string | null;
  baseline: string;
  view: View;
  asof: number | null;
}

/** The filters that reproduce a selection exactly, every value spelled out. */
export function selectionFilters(s: Selection): Filters {
  return {
    dataset: s.dataset,
    host: s.host,
    runtime: s.runtimes,
    workload: s.workloads,
    metric: s.metric,
    baseline: s.baseline,
    view: s.view,
    asof: s.asof,
    case: null,
    weights: null,
    require: null,
  };
}

export interface Facets {
  hosts: string[];
  runtimes: { id: string }[];
  workloads: { name: string }[];
  metrics: { name: string }[];
}

/** The runtimes with data, each once (facets list every version and variant of a runtime). */
export function runtimeIdsOf(facets: Pick<Facets, "runtimes">): string[] {
  return [...new Set(facets.runtimes.map((r) => r.id))];
}

export interface Notice {
  /** The URL parameter the notice is about (for a name outside the contract, that name). */
  param: keyof Filters | keyof SynthesisApiFilters | (string & {});
  message: string;
  /**
   * Absent (or "warning"): the link asked for something the data does not hold, and the page
   * shows the closest valid view instead; the API answers such a link with a 400.
   * "info": a default the page chose because of the data (another baseline for a dataset
   * without runc), said quietly; never an error.
   */
  level?: "warning" | "info";
}

/** Whether a notice reports something the link asked for and did not get (not a quiet note). */
export const isWarning = (n: Notice): boolean => n.level !== "info";

/** The notices an API route answers with a 400: warnings about the parameters it uses. */
export function blockingNotices(notices: readonly Notice[], unusedParams: readonly string[] = []): Notice[] {
  return notices.filter((n) => isWarning(n) && !unusedParams.includes(n.param));
}

/** A page's raw URL parameters, as Next.js hands them over. */
export type RawParams = Record<string, string | string[] | undefined>;

/**
 * Whether the link names its baseline. An explicit baseline is kept even where it has no data (with
 * a warning); the default one gives way to the dataset's reference runtime (referenceRuntime).
 */
export function baselineAsked(filters: Pick<Filters, "baseline">, raw: RawParams): boolean {
  return raw.baseline !== undefined || filters.baseline !== DEFAULT_BASELINE;
}

/** Baselines for a dataset without the default one, best first; failing all, its first runtime. */
const REFERENCE_RUNTIMES: readonly string[] = ["runc", "crun", "bare-metal"];

/** The runtime a dataset's other runtimes are best compared against: runc, crun, bare metal, else the first. */
export function referenceRuntime(runtimeIds: readonly string[]): string | null {
  return REFERENCE_RUNTIMES.find((r) => runtimeIds.includes(r)) ?? runtimeIds[0] ?? null;
}

/**
 * Picks the dataset: the one asked for when it exists. Otherwise (none asked, or an unknown one)
 * the largest that holds the baseline, so that the default view compares something; the largest
 * of all when none does. `available` is sorted largest first (db/queries/series.ts listDatasets).
 */
export function pickDataset(
  asked: string | null,
  available: readonly string[],
  holdsBaseline: (dataset: string) => boolean = () => true,
): { dataset: string | null; notices: Notice[] } {
  if (available.length === 0) return { dataset: null, notices: [] };
  if (asked !== null && available.includes(asked)) return { dataset: asked, notices: [] };
  const fallback = available.find(holdsBaseline) ?? available[0]!;
  if (asked === null) return { dataset: fallback, notices: [] };
  return {
    dataset: fallback,
    notices: [{ param: "dataset", message: `Unknown dataset "${asked}"; showing "${fallback}" instead.` }],
  };
}

/** The host asked for when the dataset has it, else the dataset's first host. */
export function pickHost(asked: string | null, hosts: readonly string[]): string {
  return asked !== null && hosts.includes(asked) ? asked : (hosts[0] ?? "");
}

/**
 * Keeps the known values of every filter and explains each one dropped, so a link written by
 * hand or by an older version still opens the closest valid view. A baseline the link names is
 * kept even without data (with a warning); the default one, where the host has no data for it,
 * gives way to the host's reference runtime (referenceRuntime), with a quiet note.
 */
export function resolveSelection(
  filters: Filters,
  dataset: string,
  facets: Facets,
  { baselineAsked }: { baselineAsked: boolean },
): { selection: Selection; notices: Notice[] } {
  const notices: Notice[] = [];
  const host = pickHost(filters.host, facets.hosts);
  if (filters.host !== null && filters.host !== host)
    notices.push({ param: "host", message: `Unknown host "${filters.host}" in ${dataset}; showing "${host}".` });
  const runtimeIds = runtimeIdsOf(facets);
  const runtimes = keepKnown("runtime", filters.runtime, runtimeIds, notices);
  const workloads = keepKnown(
    "workload",
    filters.workload,
    facets.workloads.map((w) => w.name),
    notices,
  );
  let metric = filters.metric;
  if (metric !== null && !facets.metrics.some((m) => m.name === metric)) {
    notices.push({ param: "metric", message: `Unknown metric "${metric}"; showing each workload's headline metric.` });
    metric = null;
  }
  let baseline = filters.baseline;
  if (!runtimeIds.includes(baseline)) {
    const reference = baselineAsked ? null : referenceRuntime(runtimeIds);
    if (reference !== null) {
      const why = REFERENCE_RUNTIMES.includes(reference)
        ? `the first of ${REFERENCE_RUNTIMES.join(", ")} measured there`
        : `none of ${REFERENCE_RUNTIMES.join(", ")} was measured there: its first runtime`;
      notices.push({
        param: "baseline",
        level: "info",
        message: `${baseline} was not measured in ${dataset} on ${host}; compared against ${reference} instead (${why}).`,
      });
      baseline = reference;
    } else
      notices.push({
        param: "baseline",
        message: `Baseline "${baseline}" has no data in ${dataset} on ${host}. Pick one that does: ${runtimeIds.join(", ")}.`,
      });
  }
  return {
    selection: {
      dataset,
      host,
      runtimes,
      workloads,
      metric,
      baseline,
      view: filters.view,
      asof: filters.asof,
    },
    notices,
  };
}

/** The asked values that are known; the others are dropped, and named in one notice about `param`. */
export function keepKnown(
  param: "runtime" | "workload" | "category",
  asked: readonly string[],
  known: readonly string[],
  notices: Notice[],
): string[] {
  const unknown = asked.filter((a) => !known.includes(a));
  if (unknown.length > 0) {
    const noun = unknown.length === 1 ? param : param === "category" ? "categories" : `${param}s`;
    notices.push({ param, message: `Ignored unknown ${noun}: ${unknown.map((u) => `"${u}"`).join(", ")}.` });
  }
  return asked.filter((a) => known.includes(a));
}

/** The first value of a raw URL parameter (a repeated one comes as a list). */
export function firstRawValue(raw: RawParams, key: string): string | undefined {
  const v = raw[key];
  return Array.isArray(v) ? v[0] : v;
}

/** Only the raw values that notices quote: junk parameters must not turn cached views into new entries. */
export function quotedParams(raw: RawParams, keys: readonly string[]): RawParams {
  return Object.fromEntries(keys.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]));
}

/** The selection's runtimes (plus its baseline), workloads and metric; empty lists mean all. */
export function inSelection(sel: Pick<Selection, "runtimes" | "workloads" | "metric" | "baseline">) {
  const runtimes = sel.runtimes.length > 0 ? new Set([...sel.runtimes, sel.baseline]) : null;
  const workloads = sel.workloads.length > 0 ? new Set(sel.workloads) : null;
  return (s: { runtime: string; workload: string; metric: string }) =>
    (runtimes === null || runtimes.has(s.runtime)) &&
    (workloads === null || workloads.has(s.workload)) &&
    (sel.metric === null || s.metric === sel.metric);
}

/** The raw parameters unreadableParams looks at. */
export const NOTICE_PARAMS = ["view", "case", "asof"] as const;

/** Raw parameters that the URL parsers could not read (they fell back to defaults). */
export function unreadableParams(raw: RawParams): Notice[] {
  const notices: Notice[] = [];
  const one = (k: string) => firstRawValue(raw, k);
  const view = one("view");
  if (view !== undefined && !(VIEWS as readonly string[]).includes(view))
    notices.push({
      param: "view",
      message: `Unknown view "${view}" (expected ${VIEWS.join(" or ")}); showing overhead.`,
    });
  const guideCase = one("case");
  if (guideCase !== undefined && !(GUIDE_CASES as readonly string[]).includes(guideCase))
    notices.push({ param: "case", message: `Unknown use case "${guideCase}" (expected ${GUIDE_CASES.join(", ")}).` });
  const asof = one("asof");
  if (asof !== undefined && asof !== "" && !/^\d+$/.test(asof))
    notices.push({
      param: "asof",
      message: `"asof" must be an import id (a whole number), got "${asof}"; showing the latest data.`,
    });
  return notices;
}

/**
 * Names in the link that the URL contract does not define (a misspelt `runtme=crun`): each
 * ignored, said in a notice with the closest name the contract has. `extra` adds names a route
 * reads besides the contract (`format` of /api/export).
 */
export function unknownParams(raw: RawParams, extra: readonly string[] = []): Notice[] {
  const known = [...URL_PARAMS, ...extra];
  return Object.keys(raw)
    .filter((name) => !known.includes(name))
    .map((name) => {
      const guess = closestName(name, known);
      return {
        param: name,
        message: `Ignored unknown parameter "${name}"${guess === null ? "." : `; did you mean "${guess}"?`}`,
      };
    });
}

/** The known name within two edits of `name` (a typo), nearest first; null when none is. */
function closestName(name: string, known: readonly string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const k of known) {
    const distance = editDistance(name.toLowerCase(), k);
    if (distance <= 2 && (best === null || distance < best.distance)) best = { name: k, distance };
  }
  return best?.name ?? null;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * Selected workloads and runtimes that the filters together leave without a single series (a
 * workload without the chosen metric, a runtime that never ran the chosen workloads): each named,
 * with why it is not shown, instead of vanishing from the view.
 */
export function droppedBySelection(
  selection: Pick<Selection, "runtimes" | "workloads" | "metric" | "baseline">,
  shown: readonly { runtime: string; workload: string }[],
): Notice[] {
  const notices: Notice[] = [];
  const workloads = new Set(shown.map((s) => s.workload));
  const runtimes = new Set(shown.map((s) => s.runtime));
  const others = selection.runtimes.filter((r) => r !== selection.baseline);
  for (const w of selection.workloads.filter((w) => !workloads.has(w)))
    notices.push({
      param: selection.metric === null ? "workload" : "metric",
      message:
        selection.metric === null
          ? `${w} has no samples under ${[...others, selection.baseline].map((r) => runtimeLabel(r)).join(" or ")}; it is hidden.`
          : `${w} has no ${selection.metric}; it is hidden while metric ${selection.metric} is chosen.`,
    });
  const shownWorkloads = selection.workloads.filter((w) => workloads.has(w));
  const within = [
    shownWorkloads.length > 0 ? shownWorkloads.join(", ") : null,
    selection.metric === null ? null : `metric ${selection.metric}`,
  ].filter((x) => x !== null);
  for (const r of others.filter((r) => !runtimes.has(r)))
    notices.push({
      param: "runtime",
      message: `${runtimeLabel(r)} has no samples ${within.length > 0 ? `for ${within.join(" with ")}` : "here"}; it is hidden.`,
    });
  return notices;
}
