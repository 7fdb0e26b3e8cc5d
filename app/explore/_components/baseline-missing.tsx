import Link from "next/link";
import { runtimeLabel } from "@/lib/format";
import { serializeFilters, type Filters } from "@/lib/search-params";

/** The overhead view when the baseline has no samples: links to the runtimes that could be one. */
export function BaselineMissing({ runtimes, filters }: { runtimes: string[]; filters: Filters }) {
  return (
    <div role="status" className="rounded border border-zinc-300 p-3 dark:border-zinc-700">
      <p className="m-0 mb-2">
        {runtimeLabel(filters.baseline)} has no samples in this selection, so there is nothing to compare against. Use
        one of the runtimes that do as the baseline:
      </p>
      <ul className="m-0 flex flex-wrap gap-3 p-0">
        {runtimes.map((r) => (
          <li key={r} className="list-none">
            <Link href={serializeFilters("/explore", { ...filters, baseline: r })}>{runtimeLabel(r)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
