import Link from "next/link";
import { runtimeLabel } from "@/lib/format";
import type { SynthesisFilters } from "@/lib/search-params";

/** The synthesis's baseline (any runtime measured somewhere) and whether indirect evidence counts, as links. */
export function SynthesisControls({
  filters,
  runtimes,
  hrefOf,
}: {
  filters: SynthesisFilters;
  runtimes: readonly string[];
  hrefOf: (change: Partial<SynthesisFilters>) => string;
}) {
  return (
    <nav aria-label="Baseline and evidence" className="my-3 flex flex-wrap gap-x-3 gap-y-1 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">Baseline:</span>
      {runtimes.map((r) =>
        r === filters.baseline ? (
          <strong key={r}>{runtimeLabel(r)}</strong>
        ) : (
          <Link key={r} href={hrefOf({ baseline: r })}>
            {runtimeLabel(r)}
          </Link>
        ),
      )}
      <span className="text-zinc-600 dark:text-zinc-400">·</span>
      <Link href={hrefOf({ indirect: filters.indirect === 1 ? 0 : 1 })}>
        {filters.indirect === 1 ? "Leave out indirect evidence" : "Include indirect evidence"}
      </Link>
    </nav>
  );
}
