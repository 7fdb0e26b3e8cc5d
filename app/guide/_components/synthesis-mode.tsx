import { SynthesisControls } from "@/components/synthesis-controls";
import { db } from "@/db";
import { listDatasets } from "@/db/queries/series";
import { getSynthesisData } from "@/db/queries/synthesis";
import { runtimeLabel } from "@/lib/format";
import type { ResolvedCase } from "@/lib/guide/case";
import { largestDatasetWithBaseline } from "@/lib/guide/per-dataset";
import { weightedCategories, toTradeoffPoints } from "@/lib/guide/ranked";
import { synthesisRankingCsv } from "@/lib/guide/ranking-csv";
import { rankSynthesis } from "@/lib/guide/synthesis-ranking";
import { loadFilters, loadSynthesisFilters, serializeGuide, type PageSearchParams } from "@/lib/search-params";
import { SYNTHESIS_LABEL } from "./dataset-mode";
import type { GuideMode } from "./guide-mode";
import { SynthesisRankingTable } from "./synthesis-ranking-table";
import { TradeoffSection } from "./tradeoff-section";

type RawParams = Awaited<PageSearchParams>;

/** The ranking on the synthesis across every dataset (no `dataset` in the URL). */
export async function synthesisMode(raw: RawParams, useCase: ResolvedCase): Promise<GuideMode> {
  const { case: guideCase, weights, require } = loadFilters(raw);
  // Every runtime and category: the guide weighs categories itself, and `/` reads the same view.
  const asked = { ...loadSynthesisFilters(raw), runtime: [], category: [] };
  const { synthesis, filters, notices, runtimes } = await getSynthesisData(db, asked, raw);
  const view = { baseline: filters.baseline, indirect: filters.indirect, asof: filters.asof };
  const ranked = rankSynthesis(synthesis.rows, useCase.weights, view.baseline, useCase.minIsolation, useCase.requires);
  const bySize = (await listDatasets(db, view.asof)).map((d) => d.name);
  const oneDataset =
    largestDatasetWithBaseline(synthesis.rows, bySize) ?? (bySize[0] ? { dataset: bySize[0], host: null } : null);
  const here = (f: Parameters<typeof serializeGuide>[1]) =>
    serializeGuide("/guide", { ...view, case: guideCase, weights, require, ...f });
  const datasets = new Set(synthesis.rows.flatMap((r) => r.studies.map((s) => s.dataset)));
  const baseline = runtimeLabel(view.baseline);
  return {
    notices,
    caseHref: (c) => here({ case: c, weights: null }),
    requireHref: (r) => here({ require: r.length > 0 ? [...r] : null }),
    modes: [
      { label: SYNTHESIS_LABEL, href: null },
      ...(oneDataset
        ? [
            {
              label: `one dataset: ${oneDataset.dataset}${oneDataset.host ? ` on ${oneDataset.host}` : ""}`,
              href: here({ ...oneDataset, indirect: null }),
            },
          ]
        : []),
    ],
    controls: <SynthesisControls filters={filters} runtimes={runtimes} hrefOf={here} />,
    basis: (
      <>
        Ranked by the weighted geometric mean of each category&apos;s effect against {baseline}, pooled across{" "}
        {datasets.size} datasets by random effects (DerSimonian–Laird, with a Hartung–Knapp 95 % interval); studies with
        n = 1 are listed but not pooled. Each value opens its forest plot, each dataset its explore view.{" "}
        {view.indirect === 1
          ? `Where a runtime has no direct study in a category, it reaches ${baseline} through a bridge its dataset measured (indirect, marked “via”).`
          : "Indirect evidence (through a bridge runtime) is left out."}
      </>
    ),
    ranking:
      ranked.length === 0 ? (
        <p role="status">
          No measurements to rank: no dataset compares a runtime with {baseline} in this case&apos;s categories. Rank
          within one dataset instead, or import one that measures {baseline}.
        </p>
      ) : (
        <>
          <TradeoffSection
            points={toTradeoffPoints(ranked, { numbered: true })}
            csv={synthesisRankingCsv(ranked, weightedCategories(useCase.weights))}
            title={useCase.title}
            source={`Source: hvscope, synthesis across ${datasets.size} datasets${view.asof === null ? "" : `, imports up to #${view.asof}`}`}
          />
          <SynthesisRankingTable ranked={ranked} view={view} />
        </>
      ),
    measured: new Set([...synthesis.rows.map((r) => r.runtime), ...(ranked.length > 0 ? [view.baseline] : [])]),
  };
}
