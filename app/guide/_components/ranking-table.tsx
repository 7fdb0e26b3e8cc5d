import Link from "next/link";
import { ClaimList, SourceList } from "@/components/catalog/claim-list";
import { runtimeSources } from "@/lib/catalog/runtime-facts";
import { isRuntimeId } from "@/lib/runtime-ids";
import { ISOLATION_LEVELS } from "@/lib/catalog/isolation";
import { formatPct } from "@/lib/format";
import type { RankedRuntime } from "@/lib/guide/ranking";
import type { OverheadRow } from "@/lib/overhead/rows";
import { DataTableHead } from "@/components/ui/data-table-head";

export interface RankingTableProps {
  ranked: RankedRuntime[];
  /** Explore permalink of one measured row. */
  hrefOf: (row: OverheadRow) => string;
}

const sourcesOf = (runtime: string) => (isRuntimeId(runtime) ? runtimeSources(runtime) : []);

/** The ranking with isolation, weighted overhead, coverage, and the rows that explain it. */
export function RankingTable({ ranked, hrefOf }: RankingTableProps) {
  return (
    <table className="data-table" aria-label="Runtimes ranked for this case">
      <DataTableHead
        columns={[
          { label: "Rank", numeric: true },
          { label: "Runtime" },
          { label: "Isolation" },
          { label: "Weighted overhead (95 % interval)", numeric: true },
          { label: "Why: the measured rows that weigh most" },
        ]}
      />
      <tbody>
        {ranked.map((r, i) => (
          <tr key={r.key} className={r.belowMinIsolation ? "opacity-60" : undefined}>
            <td className="num">{i + 1}</td>
            <th scope="row" className="font-normal">
              <Link href={`/runtimes/${encodeURIComponent(r.runtime)}`}>{r.label}</Link>
              {r.belowMinIsolation && (
                <div className="text-xs text-amber-700 dark:text-amber-400">
                  below this case&apos;s minimum isolation
                </div>
              )}
            </th>
            <td>{r.isolation === null ? "unknown" : `${r.isolation}: ${ISOLATION_LEVELS[r.isolation].label}`}</td>
            <td className="num">
              <span className="font-medium">{r.isBaseline ? "baseline" : formatPct(r.overhead.overhead * 100)}</span>
              <div className="text-xs">
                {r.isBaseline
                  ? "0 % by definition"
                  : r.overhead.ciLow === null || r.overhead.ciHigh === null
                    ? "no interval (some part has n = 1)"
                    : `${formatPct(r.overhead.ciLow * 100)} to ${formatPct(r.overhead.ciHigh * 100)}`}
              </div>
              {r.missing.length > 0 && <div className="text-xs text-zinc-500">no data for: {r.missing.join(", ")}</div>}
            </td>
            <td>
              <ul aria-label={`Explanations for ${r.label}`} className="m-0 list-none space-y-1 p-0">
                {r.explanations.map((e) => (
                  <li key={e.text}>
                    <Link href={hrefOf(e.row)}>{e.text}</Link>
                  </li>
                ))}
              </ul>
              {(r.pros.length > 0 || r.cons.length > 0) && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-sm">Pros and cons</summary>
                  <p className="m-0 mt-1 text-sm font-medium">Pros</p>
                  <ClaimList claims={r.pros} label={`Pros of ${r.label}`} sources={sourcesOf(r.runtime)} />
                  <p className="m-0 mt-1 text-sm font-medium">Cons</p>
                  <ClaimList claims={r.cons} label={`Cons of ${r.label}`} sources={sourcesOf(r.runtime)} />
                  <SourceList sources={sourcesOf(r.runtime)} label={`Sources for ${r.label}`} />
                </details>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
