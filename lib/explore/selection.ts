import { GUIDE_CASES, VIEWS, type Filters, type SynthesisFilters, type View } from "../search-params";

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
  /** The URL parameter the notice is about. */
  param: keyof Filters | keyof SynthesisFilters;
  message: string;
}

/** Picks the dataset: the one asked for when it exists, else the largest. */
export function pickDataset(
  asked: string | null,
  available: readonly string[],
): { dataset: string | null; notices: Notice[] } {
  if (available.length === 0) return { dataset: null, notices: [] };
  if (asked === null) return { dataset: available[0]!, notices: [] };
  if (available.includes(asked)) return { dataset: asked, notices: [] };
  return {
    dataset: available[0]!,
    notices: [{ param: "dataset", message: `Unknown dataset "${asked}"; showing "${available[0]}" instead.` }],
  };
}

/** The host asked for when the dataset has it, else the dataset's first host. */
export function pickHost(asked: string | null, hosts: readonly string[]): string {
  return asked !== null && hosts.includes(asked) ? asked : (hosts[0] ?? "");
}

/**
 * Keeps the known values of every filter and explains each one dropped, so a link written by
 * hand or by an older version still opens the closest valid view.
 */
export function resolveSelection(
  filters: Filters,
  dataset: string,
  facets: Facets,
): { selection: Selection; notices: Notice[] } {
  const notices: Notice[] = [];
  const host = pickHost(filters.host, facets.hosts);
  if (filters.host !== null && filters.host !== host)
    notices.push({ param: "host", message: `Unknown host "${filters.host}" in ${dataset}; showing "${host}".` });
  const keep = (param: "runtime" | "workload", asked: string[], known: string[]) => {
    const unknown = asked.filter((a) => !known.includes(a));
    if (unknown.length > 0)
      notices.push({
        param,
        message: `Ignored unknown ${param}${unknown.length > 1 ? "s" : ""}: ${unknown.map((u) => `"${u}"`).join(", ")}.`,
      });
    return asked.filter((a) => known.includes(a));
  };
  const runtimeIds = runtimeIdsOf(facets);
  const runtimes = keep("runtime", filters.runtime, runtimeIds);
  const workloads = keep(
    "workload",
    filters.workload,
    facets.workloads.map((w) => w.name),
  );
  let metric = filters.metric;
  if (metric !== null && !facets.metrics.some((m) => m.name === metric)) {
    notices.push({ param: "metric", message: `Unknown metric "${metric}"; showing each workload's headline metric.` });
    metric = null;
  }
  if (!runtimeIds.includes(filters.baseline))
    notices.push({
      param: "baseline",
      message: `Baseline "${filters.baseline}" has no data in ${dataset} on ${host}. Pick one that does: ${runtimeIds.join(", ")}.`,
    });
  return {
    selection: {
      dataset,
      host,
      runtimes,
      workloads,
      metric,
      baseline: filters.baseline,
      view: filters.view,
      asof: filters.asof,
    },
    notices,
  };
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
export function unreadableParams(raw: Record<string, string | string[] | undefined>): Notice[] {
  const notices: Notice[] = [];
  const one = (k: string) => {
    const v = raw[k];
    return Array.isArray(v) ? v[0] : v;
  };
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
