import Link from "next/link";
import { Notices } from "@/components/notices";
import { db } from "@/db";
import { listDatasets } from "@/db/queries/series";
import { getSynthesisData } from "@/db/queries/synthesis";
import { runtimeLabel } from "@/lib/format";
import type { Notice } from "@/lib/explore/selection";
import {
  loadSynthesisFilters,
  serializeFilters,
  serializeSynthesis,
  serializeSynthesisPermalink,
  type PageSearchParams,
} from "@/lib/search-params";
import { toSynthesisHeatmap } from "@/lib/synthesis/cells";
import { forestHref } from "@/lib/synthesis/study-links";
import { Empty } from "./dataset-overview";
import { SynthesisHeatmapTable } from "./synthesis-heatmap-table";
import { SynthesisControls } from "@/components/synthesis-controls";
import { CopyPermalink } from "@/components/copy-permalink";

/** Every runtime against the baseline across all datasets, per category, with a way into each dataset. */
export async function SynthesisOverview({
  raw,
  linkNotices,
}: {
  raw: Awaited<PageSearchParams>;
  linkNotices: Notice[];
}) {
  const asked = loadSynthesisFilters(raw);
  const [data, datasets] = await Promise.all([getSynthesisData(db, asked, raw), listDatasets(db, asked.asof)]);
  if (data.hosts === 0) return <Empty />;
  const { filters, synthesis } = data;
  const heatmap = toSynthesisHeatmap(synthesis.rows);
  const here = (f: Partial<typeof filters>) => serializeSynthesis("/", { ...filters, ...f });
  return (
    <>
      <h1>What does a stronger isolation boundary cost?</h1>
      <Notices notices={[...linkNotices, ...data.notices]} />
      <nav aria-label="Datasets" className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">Dataset:</span>
        <strong>all ({datasets.length})</strong>
        {datasets.map((d) => (
          <Link key={d.name} href={serializeFilters("/", { dataset: d.name, baseline: filters.baseline })}>
            {d.name}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Every dataset, against {runtimeLabel(filters.baseline)}. A cell pools the studies that measured the runtime next
        to the baseline on the same host (k of them), each the geometric mean of a category&apos;s cost ratios, shown as
        overhead: +100 % is twice the time or half the throughput. Dashed cells rest on indirect evidence, through a
        runtime the dataset measured instead of the baseline. A cell marked n = 1 rests on studies of one measurement
        each: shown, not pooled, with no interval. A click opens the forest plot behind the cell; its title gives the
        cell in words.
      </p>
      <SynthesisControls filters={filters} runtimes={data.runtimes} hrefOf={here} />
      <CopyPermalink path={serializeSynthesisPermalink("/", { ...filters, asof: filters.asof ?? data.latestImport })} />
      <section aria-labelledby="synthesis-heading">
        <h2 id="synthesis-heading">Overhead by category, across datasets</h2>
        {heatmap.rows.length === 0 ? (
          <p role="status">No runtime was measured against {runtimeLabel(filters.baseline)}.</p>
        ) : (
          <SynthesisHeatmapTable
            categories={heatmap.categories}
            rows={heatmap.rows}
            hrefOf={(row, category) => forestHref(row.runtime, category, filters)}
            baseline={filters.baseline}
          />
        )}
      </section>
    </>
  );
}
