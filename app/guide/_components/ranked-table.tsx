import Link from "next/link";
import type { ReactNode } from "react";
import { ClaimList, SourceList } from "@/components/catalog/claim-list";
import { ISOLATION_LEVELS } from "@/lib/catalog/isolation";
import { runtimeSources } from "@/lib/catalog/runtime-facts";
import { formatPct } from "@/lib/format";
import { isSetApart, type RankedEntry } from "@/lib/guide/ranked";
import { isRuntimeId } from "@/lib/runtime-ids";
import { DataTableHead } from "@/components/ui/data-table-head";

/**
 * A ranking table's classes: below md its rows stack (rank, runtime and isolation on one line, the
 * numbers and the evidence under them), so a phone reads them without scrolling sideways.
 */
const RANKING_TABLE_CLASS = [
  "data-table max-md:block max-md:[&_thead]:hidden max-md:[&_tbody]:block",
  "max-md:[&_tr]:flex max-md:[&_tr]:flex-wrap max-md:[&_tr]:border-b max-md:[&_tr]:border-zinc-200",
  "dark:max-md:[&_tr]:border-zinc-800 max-md:[&_td]:border-0 max-md:[&_th]:border-0",
  "max-md:[&_td:last-child]:basis-full",
].join(" ");

export interface RankedTableProps<R extends RankedEntry> {
  ranked: R[];
  /** The last column's heading: what explains each runtime's number. */
  explanation: string;
  /** Why a runtime's weighted overhead has no interval. */
  noInterval: (r: R) => string;
  /** The last column's content for a runtime, above its pros and cons. */
  explain: (r: R) => ReactNode;
}

/** A ranking: rank, runtime, isolation, weighted overhead with its interval, and what explains it. */
export function RankedTable<R extends RankedEntry>({ ranked, explanation, noInterval, explain }: RankedTableProps<R>) {
  return (
    <div className="overflow-x-auto">
      <table className={RANKING_TABLE_CLASS} aria-label="Runtimes ranked for this case">
        <DataTableHead
          columns={[
            { label: "Rank", numeric: true },
            { label: "Runtime" },
            { label: "Isolation" },
            { label: "Weighted overhead (95 % interval)", numeric: true },
            { label: explanation },
          ]}
        />
        <tbody>
          {ranked.map((r, i) => (
            <tr key={r.key} className={isSetApart(r) ? "text-zinc-600 dark:text-zinc-400" : undefined}>
              <RankedRuntimeCells r={r} rank={i + 1} />
              <WeightedOverheadCell r={r} noInterval={noInterval(r)} />
              <td>
                {explain(r)}
                <ProsAndCons r={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The columns every ranking starts with: rank, runtime (flagged when set apart, with why), isolation. */
function RankedRuntimeCells({ r, rank }: { r: RankedEntry; rank: number }) {
  return (
    <>
      <td className="num">{rank}</td>
      <th scope="row" className="font-normal">
        <Link href={`/runtimes/${encodeURIComponent(r.runtime)}`}>{r.label}</Link>
        {r.belowMinIsolation && (
          <div className="text-xs text-amber-700 dark:text-amber-400">below this case&apos;s minimum isolation</div>
        )}
        {r.unmet.length > 0 && (
          <ul aria-label={`What ${r.label} lacks for this case`} className="m-0 list-none p-0">
            {r.unmet.map((u) => (
              <li key={u.capability} className="text-xs text-amber-700 dark:text-amber-400">
                lacks {u.reason}
              </li>
            ))}
          </ul>
        )}
      </th>
      <td>{r.isolation === null ? "unknown" : `${r.isolation}: ${ISOLATION_LEVELS[r.isolation].label}`}</td>
    </>
  );
}

/** The weighted overhead with its interval, or why it has none, and the weighted categories lacking. */
function WeightedOverheadCell({ r, noInterval }: { r: RankedEntry; noInterval: string }) {
  const { overhead, ciLow, ciHigh } = r.overhead;
  return (
    <td className="num max-md:basis-full max-md:text-left">
      <span className="text-xs text-zinc-600 dark:text-zinc-400 md:hidden">Weighted overhead: </span>
      <span className="font-medium">{r.isBaseline ? "baseline" : formatPct(overhead * 100)}</span>
      <div className="text-xs">
        {r.isBaseline
          ? "0 % by definition"
          : ciLow === null || ciHigh === null
            ? noInterval
            : `${formatPct(ciLow * 100)} to ${formatPct(ciHigh * 100)}`}
      </div>
      {r.missing.length > 0 && (
        <div className="text-xs text-zinc-600 dark:text-zinc-400">no data for: {r.missing.join(", ")}</div>
      )}
    </td>
  );
}

const sourcesOf = (runtime: string) => (isRuntimeId(runtime) ? runtimeSources(runtime) : []);

/** The catalog's cited pros and cons of a ranked runtime, folded away. */
function ProsAndCons({ r }: { r: RankedEntry }) {
  if (r.pros.length === 0 && r.cons.length === 0) return null;
  const sources = sourcesOf(r.runtime);
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm">Pros and cons</summary>
      <p className="m-0 mt-1 text-sm font-medium">Pros</p>
      <ClaimList claims={r.pros} label={`Pros of ${r.label}`} sources={sources} />
      <p className="m-0 mt-1 text-sm font-medium">Cons</p>
      <ClaimList claims={r.cons} label={`Cons of ${r.label}`} sources={sources} />
      <SourceList sources={sources} label={`Sources for ${r.label}`} />
    </details>
  );
}
