import type { SeriesMoments } from "./moments";
import { primaryMetric } from "./headline-metric";
import type { SeriesIdentity } from "./rows";

/** A series as a host's summary hands it out: its identity, statistics and tool. */
export interface HostSeries extends SeriesIdentity {
  id: number;
  tool: string;
  moments: SeriesMoments;
}

/** What a view selects: empty lists mean all; the baseline always joins a runtime list. */
export interface SeriesSelection {
  runtimes: readonly string[];
  workloads: readonly string[];
  metric: string | null;
  baseline: string;
}

/**
 * One host's series, kept compactly and shared by every view of the host until the data changes
 * (docs/decisions/016-host-summaries.md): statistics in one Float64Array, identities as indexes
 * into small tables, series grouped by workload, runtime and metric. A view touches only the series
 * it shows, and only those become objects; each is made once, so
 * what is memoised per series object (statistics, overhead rows, their JSON) is shared too.
 */
export interface HostSummary {
  /** Series on the host. */
  readonly size: number;
  /**
   * About what the summary holds, in bytes: its arrays and tables, and the series made so far for
   * views (an estimate; the server's cache of summaries is bounded by it).
   */
  readonly bytes: number;
  /** Runtime ids, in the order of their first series. */
  readonly runtimes: readonly string[];
  /**
   * The first series of each runtime configuration, workload and metric, in series order: every
   * distinct value a facet lists, with the first series that carries it.
   */
  readonly representatives: readonly HostSeries[];
  /**
   * The series a selection shows, in series order: its runtimes and workloads, at its metric or,
   * without one, at each workload's headline metric among the selected runtimes' metrics (as
   * keepPrimaryMetrics in lib/overhead/rows.ts).
   */
  select(selection: SeriesSelection, options?: SelectOptions): HostSeries[];
}

export interface SelectOptions {
  /**
   * false: series not yet made are made for this call only, not kept with the summary (for a
   * computation that keeps only its result, such as a host's studies for the synthesis).
   */
  keep?: boolean;
}

/**
 * Builds a host's summary from its series, in the order views list them; `input` may be dropped
 * afterwards (only the series a view shows are made again, once).
 */
export function summarizeHost(input: readonly HostSeries[]): HostSummary {
  const n = input.length;
  const ids = new Int32Array(n);
  const stats = new Float64Array(n * 6);
  const identities = new Table<IdentityRow>(
    (s) => `${s.runtime}|${s.version}|${s.variant}`,
    (s) => ({ runtime: s.runtime, version: s.version, variant: s.variant }),
  );
  const workloads = new Table<WorkloadRow>(
    (s) => `${s.workload}|${s.category}|${s.tool}`,
    (s) => ({ workload: s.workload, category: s.category, tool: s.tool }),
  );
  const metrics = new Table<MetricRow>(
    (s) => `${s.metric}|${s.unit}|${s.direction}`,
    (s) => ({ metric: s.metric, unit: s.unit, direction: s.direction }),
  );
  const codes = new Uint32Array(n * 3);
  /** workload name → runtime id → metric name → series indexes, ascending. */
  const byWorkload = new Map<string, Map<string, Map<string, number[]>>>();
  const firsts: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = input[i]!;
    ids[i] = s.id;
    const { value, log } = s.moments;
    stats.set([value.n, value.mean, value.m2, log.n, log.mean, log.m2], i * 6);
    const [identity, newIdentity] = identities.codeOf(s);
    const [workload, newWorkload] = workloads.codeOf(s);
    const [metric, newMetric] = metrics.codeOf(s);
    codes.set([identity, workload, metric], i * 3);
    if (newIdentity || newWorkload || newMetric) firsts.push(i);
    const byRuntime = byWorkload.get(s.workload) ?? byWorkload.set(s.workload, new Map()).get(s.workload)!;
    const byMetric = byRuntime.get(s.runtime) ?? byRuntime.set(s.runtime, new Map()).get(s.runtime)!;
    (byMetric.get(s.metric) ?? byMetric.set(s.metric, []).get(s.metric)!).push(i);
  }
  const made: (HostSeries | undefined)[] = new Array(n);
  const seriesAt = (i: number): HostSeries => (made[i] ??= makeSeries(i));
  const makeSeries = (i: number): HostSeries => {
    const identity = identities.rows[codes[i * 3]!]!;
    const workload = workloads.rows[codes[i * 3 + 1]!]!;
    const metric = metrics.rows[codes[i * 3 + 2]!]!;
    const at = i * 6;
    return {
      id: ids[i]!,
      runtime: identity.runtime,
      version: identity.version,
      variant: identity.variant,
      workload: workload.workload,
      category: workload.category,
      tool: workload.tool,
      metric: metric.metric,
      unit: metric.unit,
      direction: metric.direction,
      moments: {
        value: { n: stats[at]!, mean: stats[at + 1]!, m2: stats[at + 2]! },
        log: { n: stats[at + 3]!, mean: stats[at + 4]!, m2: stats[at + 5]! },
      },
    };
  };
  const byWorkloadLists = [...byWorkload].map(([name, byRuntime]) => ({ name, lists: [...byRuntime] }));
  const workloadIndex = new Map(byWorkloadLists.map((w, index) => [w.name, index]));
  const headlines = headlineMemo(byWorkloadLists.length);
  let kept = 0;
  const keepSeries = (i: number) => {
    if (made[i] === undefined) kept++;
    return seriesAt(i);
  };
  const tableBytes = [identities, workloads, metrics].reduce((sum, t) => sum + t.bytes(), 0);
  // Typed arrays by their size; a slot of `made` and of the index lists, 8 bytes each.
  const fixedBytes = ids.byteLength + stats.byteLength + codes.byteLength + 16 * n + tableBytes;
  return {
    size: n,
    get bytes() {
      return fixedBytes + (kept + firsts.length) * SERIES_BYTES;
    },
    runtimes: [...new Set(identities.rows.map((r) => r.runtime))],
    representatives: firsts.map(seriesAt),
    select(selection, { keep = true } = {}) {
      const runtimes = selection.runtimes.length > 0 ? new Set([...selection.runtimes, selection.baseline]) : null;
      const headline = headlines(runtimes === null ? "" : [...runtimes].sort().join(","));
      const indexes =
        selection.workloads.length > 0
          ? [...new Set(selection.workloads)].flatMap((name) => workloadIndex.get(name) ?? [])
          : byWorkloadLists.keys();
      const shown: number[] = [];
      for (const w of indexes) {
        const lists = byWorkloadLists[w]!.lists.filter(([runtime]) => runtimes === null || runtimes.has(runtime));
        if (lists.length === 0) continue;
        const metric = selection.metric ?? headline(w, () => lists.flatMap(([, byMetric]) => [...byMetric.keys()]));
        if (metric == null) continue;
        for (const [, byMetric] of lists) for (const i of byMetric.get(metric) ?? []) shown.push(i);
      }
      // A typed array sorts numbers natively, without a comparator call per pair.
      return Array.from(Int32Array.from(shown).sort(), keep ? keepSeries : (i) => made[i] ?? makeSeries(i));
    },
  };
}

/** A made series: the object, its moments' two objects and their numbers (V8, 64-bit). */
const SERIES_BYTES = 320;

type IdentityRow = Pick<HostSeries, "runtime" | "version" | "variant">;
type WorkloadRow = Pick<HostSeries, "workload" | "category" | "tool">;
type MetricRow = Pick<HostSeries, "metric" | "unit" | "direction">;

/** Distinct rows of a series' fields by key, each with a small integer code. */
class Table<R> {
  readonly rows: R[] = [];
  private readonly codes = new Map<string, number>();
  constructor(
    private readonly key: (s: HostSeries) => string,
    private readonly pick: (s: HostSeries) => R,
  ) {}
  /** About what the rows and their keys hold: an object each, and two bytes a character. */
  bytes(): number {
    let chars = 0;
    for (const k of this.codes.keys()) chars += k.length;
    return this.rows.length * 120 + chars * 4;
  }
  /** The code of the series' row, and whether this is its first appearance. */
  codeOf(s: HostSeries): [number, boolean] {
    const k = this.key(s);
    const known = this.codes.get(k);
    if (known !== undefined) return [known, false];
    this.rows.push(this.pick(s));
    this.codes.set(k, this.rows.length - 1);
    return [this.rows.length - 1, true];
  }
}

/**
 * Each workload's headline metric per set of runtimes, worked out once: the 441 runtime subsets
 * of a host's views share a few dozen answers per workload. One lookup per view for its runtime
 * set, then one array slot per workload.
 */
function headlineMemo(workloads: number) {
  const bySet = new Map<string, (string | undefined | null)[]>();
  return (runtimes: string) => {
    const known = bySet.get(runtimes) ?? bySet.set(runtimes, new Array(workloads).fill(null)).get(runtimes)!;
    return (workload: number, metrics: () => string[]) =>
      known[workload] === null ? (known[workload] = primaryMetric([...new Set(metrics())])) : known[workload];
  };
}
