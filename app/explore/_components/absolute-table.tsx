import type { AbsoluteViewSeries } from "@/lib/explore/rows";
import { formatValue, runtimeLabel } from "@/lib/format";
import { SourceLinks } from "./overhead-table";
import { DataTableHead } from "@/components/ui/data-table-head";

/** One absolute panel's numbers as a table; in the server-rendered HTML, so it works without JavaScript. */
export function AbsoluteTable({ series, label }: { series: AbsoluteViewSeries[]; label: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="data-table" aria-label={label}>
        <DataTableHead
          columns={[
            { label: "Runtime" },
            { label: "n", numeric: true },
            { label: "Geometric mean", numeric: true },
            { label: "SD", numeric: true },
            { label: "95 % interval", numeric: true },
            { label: "Sources" },
          ]}
        />
        <tbody>
          {series.map((r) => (
            <tr key={`${r.runtime}|${r.version}|${r.variant}`}>
              <th scope="row" className="font-normal">
                {runtimeLabel(r.runtime, r.version, r.variant)}
              </th>
              <td className="num">{r.n}</td>
              <td className="num">
                {r.geoMean === null
                  ? `${formatValue(r.mean, r.unit)} (arithmetic: a value is 0)`
                  : formatValue(r.geoMean, r.unit)}
              </td>
              <td className="num">{r.sd === null ? "—" : formatValue(r.sd, r.unit)}</td>
              <td className="num">
                {r.ciLow === null || r.ciHigh === null
                  ? "n = 1, no interval"
                  : `${formatValue(r.ciLow, r.unit)} to ${formatValue(r.ciHigh, r.unit)}`}
              </td>
              <td>
                <SourceLinks ids={r.values.map((v) => v.sourceFileId)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
