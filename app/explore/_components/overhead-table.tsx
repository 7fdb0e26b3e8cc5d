import { memo } from "react";
import { formatInterval, formatPct, formatValue, runtimeLabel } from "@/lib/format";
import type { OverheadViewRow } from "@/lib/explore/rows";
import { DataTableHead } from "@/components/ui/data-table-head";

/**
 * The chart's numbers as a table; in the server-rendered HTML, so it works without JavaScript.
 * Texts are joined into one string per cell where JSX would split them: each split costs a
 * `<!-- -->` marker in the HTML, hundreds of rows over. Memoised: hundreds of rows are
 * not drawn again when the panel re-renders with the same ones.
 */
export const OverheadTable = memo(function OverheadTable({
  rows,
  baseline,
}: {
  rows: OverheadViewRow[];
  baseline: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table" aria-label="Overhead against the baseline">
        <DataTableHead
          columns={[
            { label: "Runtime" },
            { label: "Workload" },
            { label: "Metric" },
            { label: "n", numeric: true },
            { label: "Mean", numeric: true },
            { label: "SD", numeric: true },
            { label: `${runtimeLabel(baseline)} mean (n)`, numeric: true },
            { label: "Overhead", numeric: true },
            { label: "95 % interval", numeric: true },
            { label: "Sources" },
          ]}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.runtime}|${r.version}|${r.variant}|${r.workload}|${r.metric}`}>
              <th scope="row" className="font-normal">
                {runtimeLabel(r.runtime, r.version, r.variant)}
              </th>
              <td>{r.workload}</td>
              <td>
                {`${r.metric} `}
                <span className="text-zinc-600 dark:text-zinc-400">{`(${r.direction} is better)`}</span>
              </td>
              <td className="num">{r.n}</td>
              <td className="num">{formatValue(r.mean, r.unit)}</td>
              <td className="num">{r.sd === null ? "—" : formatValue(r.sd, r.unit)}</td>
              <td className="num">{`${formatValue(r.baselineMean, r.unit)} (${r.baselineN})`}</td>
              <td className="num font-medium">{formatPct(r.overheadPct)}</td>
              <td className="num">{formatInterval(r.ciLowPct, r.ciHighPct, r.n, r.baselineN)}</td>
              <td>
                <SourceLinks ids={r.sourceFileIds} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

/**
 * Links to every raw file behind a row (works without JavaScript). The link or toggle of each row
 * is marked for SOURCE_CONTROLS: the panels make the column one Tab stop.
 */
export function SourceLinks({ ids }: { ids: number[] }) {
  const unique = [...new Set(ids)];
  if (unique.length === 1)
    return (
      <a href={`/sources/${unique[0]}`} data-source-control="">
        file
      </a>
    );
  return (
    <details>
      <summary className="cursor-pointer" data-source-control="">{`${unique.length} files`}</summary>
      <ul className="m-0 list-none p-0">
        {unique.map((id) => (
          <li key={id}>
            <a href={`/sources/${id}`}>{`file #${id}`}</a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The one control per row of a table's Sources column (RovingFocus walks them with the arrow keys). */
export const SOURCE_CONTROLS = "[data-source-control]";
