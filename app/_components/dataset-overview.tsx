import Link from "next/link";
import { Notices } from "@/components/notices";
import { db } from "@/db";
import { getSummaryData } from "@/db/queries/explore";
import { headlineFindings } from "@/lib/overview/findings";
import { formatPct, runtimeLabel } from "@/lib/format";
import { toHeatmap } from "@/lib/overview/heatmap";
import { serializeFilters, serializeSynthesis, type Filters, type PageSearchParams } from "@/lib/search-params";
import { runtimeIdsOf, type Notice } from "@/lib/explore/selection";
import { HeatmapTable } from "./heatmap-table";
import { DataTableHead } from "@/components/ui/data-table-head";

/** One dataset and host: its runtime × category heatmap, headline findings and every workload. */
export async function DatasetOverview({ raw, linkNotices }: { raw: Awaited<PageSearchParams>; linkNotices: Notice[] }) {
  const { asked, filters, data } = await getSummaryData(db, raw);
  const sel = data.selection;
  if (!sel) return <Empty />;
  const heatmap = toHeatmap(data.table.rows);
  const findings = headlineFindings(data.table.rows, sel.baseline);
  const explore = (f: Partial<Filters>) =>
    serializeFilters("/explore", {
      ...filters,
      dataset: sel.dataset,
      host: sel.host,
      baseline: sel.baseline,
      asof: sel.asof,
      ...f,
    });
  return (
    <>
      <h1>What does a stronger isolation boundary cost?</h1>
      <Notices notices={[...linkNotices, ...data.notices]} />
      <nav aria-label="Datasets" className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">Dataset:</span>
        <Link href={serializeSynthesis("/", { baseline: asked.baseline })}>all</Link>
        {data.datasets.map((d) =>
          d.name === sel.dataset ? (
            <strong key={d.name}>{d.name}</strong>
          ) : (
            <Link
              key={d.name}
              href={serializeFilters("/", { ...filters, dataset: d.name, host: null, baseline: asked.baseline })}
            >
              {d.name}
            </Link>
          ),
        )}
      </nav>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {sel.dataset} on {sel.host}, against {runtimeLabel(sel.baseline)}. Each cell is the geometric mean of the cost
        ratios of the category&apos;s workloads (each at its headline metric), shown as overhead: +100 % is twice the
        time or half the throughput.
      </p>
      {!data.baselineHasData ? (
        <p role="status">
          {runtimeLabel(sel.baseline)} has no samples here. Compare against:{" "}
          {(data.facets ? runtimeIdsOf(data.facets) : []).map((r) => (
            <Link
              key={r}
              className="mr-3"
              href={serializeFilters("/", { ...filters, dataset: sel.dataset, host: sel.host, baseline: r })}
            >
              {runtimeLabel(r)}
            </Link>
          ))}
        </p>
      ) : (
        <>
          <section aria-labelledby="findings-heading">
            <h2 id="findings-heading">Headline findings</h2>
            <ul className="list-disc pl-5">
              {findings.map((f) => (
                <li key={f.text}>
                  <Link href={explore({ runtime: [f.row.runtime], workload: [f.row.workload], metric: f.row.metric })}>
                    {f.text}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="heatmap-heading">
            <h2 id="heatmap-heading">Overhead by category</h2>
            <HeatmapTable
              categories={heatmap.categories}
              rows={heatmap.rows}
              hrefOf={(row, cell) => explore({ runtime: [row.runtime], workload: cell.rows.map((r) => r.workload) })}
              baseline={sel.baseline}
            />
            <details className="mt-4">
              <summary className="cursor-pointer">Every workload</summary>
              <div className="mt-2 overflow-x-auto">
                <table className="data-table">
                  <DataTableHead
                    columns={[
                      { label: "Category" },
                      { label: "Workload" },
                      { label: "Runtime" },
                      { label: "Overhead", numeric: true },
                      { label: "n", numeric: true },
                    ]}
                  />
                  <tbody>
                    {[...data.table.rows]
                      .sort((a, b) => a.category.localeCompare(b.category) || a.workload.localeCompare(b.workload))
                      .map((r) => (
                        <tr key={`${r.runtime}|${r.version}|${r.variant}|${r.workload}`}>
                          <td>{r.category}</td>
                          <td>
                            <Link href={explore({ workload: [r.workload] })}>{r.workload}</Link>
                          </td>
                          <td>{runtimeLabel(r.runtime, r.version, r.variant)}</td>
                          <td className="num">{formatPct(r.overheadPct)}</td>
                          <td className="num">
                            {r.n} vs {r.baselineN}
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </details>
          </section>
        </>
      )}
    </>
  );
}

export function Empty() {
  return (
    <>
      <h1>What does a stronger isolation boundary cost?</h1>
      <p>
        No samples imported yet. Run <code>npm run setup</code> to import the bundled data, or{" "}
        <code>npm run ingest -- PATH</code> for your own outputs.
      </p>
    </>
  );
}
