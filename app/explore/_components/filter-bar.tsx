"use client";

import { runtimeLabel } from "@/lib/format";
import { DEFAULT_BASELINE, VIEWS } from "@/lib/search-params";
import type { Selection } from "@/lib/explore/selection";
import { useExploreQuery } from "./explore-query";

export interface FilterBarProps {
  datasets: string[];
  hosts: string[];
  runtimes: string[];
  workloads: { name: string; category: string }[];
  metrics: { name: string; unit: string }[];
  imports: { id: number; startedAt: string }[];
  selection: Selection;
}

/**
 * Every filter of the URL contract; a change re-renders the server sections (shallow: false).
 * Controls show the URL state at once (optimistic) and the resolved selection where the URL is silent.
 */
export function FilterBar({ datasets, hosts, runtimes, workloads, metrics, imports, selection }: FilterBarProps) {
  const [query, setFilters] = useExploreQuery();
  const checkedRuntimes = query.runtime.filter((r) => runtimes.includes(r));
  const selectedWorkloads = query.workload.filter((w) => workloads.some((x) => x.name === w));
  const categories = [...new Set(workloads.map((w) => w.category))];
  // A link without `baseline` on a host without runc compares against the host's reference
  // runtime (lib/explore/selection.ts): show that one, not runc "(no data)".
  const baseline =
    query.baseline === DEFAULT_BASELINE && !runtimes.includes(DEFAULT_BASELINE) ? selection.baseline : query.baseline;
  return (
    <form
      aria-label="Filters"
      className="mb-4 grid gap-3 rounded border *:min-w-0 border-zinc-200 p-3 text-sm md:grid-cols-4 dark:border-zinc-800"
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="flex flex-col gap-1">
        Dataset
        <select
          className="control"
          value={query.dataset !== null && datasets.includes(query.dataset) ? query.dataset : selection.dataset}
          onChange={(e) =>
            void setFilters({ dataset: e.target.value, host: null, runtime: null, workload: null, metric: null })
          }
        >
          {datasets.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        Host
        <select
          className="control"
          value={query.host !== null && hosts.includes(query.host) ? query.host : selection.host}
          onChange={(e) => void setFilters({ host: e.target.value, runtime: null, workload: null })}
        >
          {hosts.map((h) => (
            <option key={h}>{h}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        Baseline
        <select className="control" value={baseline} onChange={(e) => void setFilters({ baseline: e.target.value })}>
          {!runtimes.includes(baseline) && <option value={baseline}>{baseline} (no data)</option>}
          {runtimes.map((r) => (
            <option key={r} value={r}>
              {runtimeLabel(r)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        Metric
        <select
          className="control"
          value={query.metric ?? ""}
          onChange={(e) => void setFilters({ metric: e.target.value || null })}
        >
          <option value="">Headline metric of each workload</option>
          {metrics.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name} ({m.unit})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="md:col-span-2">
        <legend>Runtimes (none ticked = all)</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {runtimes.map((r) => (
            <label key={r} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={checkedRuntimes.includes(r)}
                onChange={(e) => {
                  const next = e.target.checked ? [...checkedRuntimes, r] : checkedRuntimes.filter((x) => x !== r);
                  void setFilters({ runtime: next.length > 0 ? next : null });
                }}
              />
              {runtimeLabel(r)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-1 md:col-span-2">
        <label className="flex flex-col gap-1">
          Workloads (none selected = all)
          <select
            multiple
            aria-describedby="workload-hint"
            className="control h-28"
            value={selectedWorkloads}
            onChange={(e) => {
              const next = [...e.target.selectedOptions].map((o) => o.value);
              void setFilters({ workload: next.length > 0 ? next : null });
            }}
          >
            {categories.map((c) => (
              <optgroup key={c} label={c}>
                {workloads
                  .filter((w) => w.category === c)
                  .map((w) => (
                    <option key={w.name} value={w.name}>
                      {w.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <span id="workload-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
          Ctrl-click (⌘-click on a Mac) picks several workloads, Shift-click a range; a workload that lacks the chosen
          metric is hidden, and a notice names it.
        </span>
      </div>
      <fieldset>
        <legend>View</legend>
        <div className="flex gap-4">
          {VIEWS.map((v) => (
            <label key={v} className="flex items-center gap-1">
              <input
                type="radio"
                name="view"
                value={v}
                checked={query.view === v}
                onChange={() => void setFilters({ view: v })}
              />
              {v}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex flex-col gap-1">
        Data as of
        <select
          className="control"
          value={query.asof ?? ""}
          onChange={(e) => void setFilters({ asof: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">Latest import</option>
          {imports.map((i) => (
            <option key={i.id} value={i.id}>
              Import #{i.id} ({i.startedAt.slice(0, 16).replace("T", " ")})
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end">
        <button type="button" className="button" onClick={() => void setFilters(null)}>
          Reset filters
        </button>
      </div>
    </form>
  );
}
