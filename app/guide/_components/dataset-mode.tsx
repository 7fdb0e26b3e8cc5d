import { db } from "@/db";
import { getSummaryData } from "@/db/queries/explore";
import { runtimeIdsOf } from "@/lib/explore/selection";
import { runtimeLabel } from "@/lib/format";
import type { ResolvedCase } from "@/lib/guide/case";
import { rankingCsv } from "@/lib/guide/ranking-csv";
import { rankRuntimes } from "@/lib/guide/ranking";
import { toTradeoffPoints } from "@/lib/guide/ranked";
import { serializeFilters, serializeGuide } from "@/lib/search-params";
import type { GuideMode } from "./guide-mode";
import { RankingTable } from "./ranking-table";
import { TradeoffSection } from "./tradeoff-section";

export const SYNTHESIS_LABEL = "all datasets (synthesis)";

/** Today's ranking within one dataset and host (`dataset=` in the URL). */
export async function datasetMode(raw: Record<string, string | string[] | undefined>, useCase: ResolvedCase) {
  const { asked, filters, data } = await getSummaryData(db, raw);
  const sel = data.selection;
  const ranked =
    sel && data.baselineHasData
      ? rankRuntimes(data.table.rows, useCase.weights, sel.baseline, useCase.minIsolation, useCase.requires)
      : [];
  const where = sel ? `${sel.dataset} on ${sel.host}` : "no dataset";
  const mode: GuideMode = {
    notices: data.notices,
    caseHref: (c) =>
      serializeFilters("/guide", {
        ...filters,
        ...(sel ? { dataset: sel.dataset, host: sel.host } : {}),
        case: c,
        weights: null,
      }),
    requireHref: (r) =>
      serializeFilters("/guide", {
        ...filters,
        ...(sel ? { dataset: sel.dataset, host: sel.host } : {}),
        require: r.length > 0 ? [...r] : null,
      }),
    modes: [
      {
        label: SYNTHESIS_LABEL,
        href: serializeGuide("/guide", {
          baseline: asked.baseline,
          asof: asked.asof,
          case: asked.case,
          weights: asked.weights,
          require: asked.require,
        }),
      },
      { label: `one dataset: ${where}`, href: null },
    ],
    controls: null,
    basis: (
      <>
        Ranked by the weighted geometric mean of category overheads against{" "}
        {sel ? runtimeLabel(sel.baseline) : "the baseline"} in {where}.
      </>
    ),
    ranking:
      !sel || !data.baselineHasData ? (
        <p role="status">
          No measurements to rank here. Pick a dataset with a {runtimeLabel(asked.baseline)} baseline (for example the
          bundled one), or import one.
        </p>
      ) : (
        <>
          <TradeoffSection
            points={toTradeoffPoints(ranked)}
            csv={rankingCsv(ranked)}
            title={useCase.title}
            source={`Source: hvscope, dataset ${sel.dataset}, host ${sel.host}${asked.asof === null ? "" : `, imports up to #${asked.asof}`}`}
          />
          <RankingTable
            ranked={ranked}
            hrefOf={(row) =>
              serializeFilters("/explore", {
                ...filters,
                dataset: sel.dataset,
                host: sel.host,
                baseline: sel.baseline,
                runtime: [row.runtime],
                workload: [row.workload],
                metric: row.metric,
                case: null,
                weights: null,
                require: null,
              })
            }
          />
        </>
      ),
    measured: new Set(data.facets ? runtimeIdsOf(data.facets) : []),
  };
  return mode;
}
