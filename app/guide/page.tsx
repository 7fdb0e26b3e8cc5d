import type { Metadata } from "next";
import Link from "next/link";
import { Notices } from "@/components/notices";
import { db } from "@/db";
import { getSummaryData } from "@/db/queries/explore";
import { USE_CASE_IDS } from "@/lib/catalog/use-case-ids";
import { USE_CASES } from "@/lib/catalog/use-cases";
import { toCsv } from "@/lib/csv";
import { runtimeLabel } from "@/lib/format";
import { rankRuntimes } from "@/lib/guide/ranking";
import { toTradeoffPoints } from "@/lib/guide/ranked";
import { resolveGuideCase } from "@/lib/guide/case";
import { RUNTIME_IDS } from "@/lib/runtime-ids";
import { serializeFilters, type Filters, type PageSearchParams } from "@/lib/search-params";
import { runtimeIdsOf } from "@/lib/explore/selection";
import { RankingTable } from "./_components/ranking-table";
import { TradeoffSection } from "./_components/tradeoff-section";
import { WeightsEditor } from "./_components/weights-editor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Guide" };

export default async function GuidePage({ searchParams }: { searchParams: PageSearchParams }) {
  const { asked, filters, data } = await getSummaryData(db, await searchParams);
  const { useCase, notices: caseNotices } = resolveGuideCase(asked.case, asked.weights);
  const notices = [...data.notices, ...caseNotices];
  const sel = data.selection;
  const here = (f: Partial<Filters>) =>
    serializeFilters("/guide", { ...filters, ...(sel ? { dataset: sel.dataset, host: sel.host } : {}), ...f });
  const ranked =
    sel && data.baselineHasData
      ? rankRuntimes(data.table.rows, useCase.weights, sel.baseline, useCase.minIsolation)
      : [];
  const withData = new Set(data.facets ? runtimeIdsOf(data.facets) : []);
  const points = toTradeoffPoints(ranked);
  const csv = toCsv(
    ["runtime", "isolation", "overheadPct", "ciLowPct", "ciHighPct"] as const,
    ranked.map((r) => ({
      runtime: r.label,
      isolation: r.isolation,
      overheadPct: r.overhead.overhead * 100,
      ciLowPct: r.overhead.ciLow === null ? null : r.overhead.ciLow * 100,
      ciHighPct: r.overhead.ciHigh === null ? null : r.overhead.ciHigh * 100,
    })),
  );
  return (
    <>
      <h1>Which runtime fits your case?</h1>
      <Notices notices={notices} />
      <nav aria-label="Use cases" className="mb-4 flex flex-wrap gap-3 text-sm">
        {USE_CASE_IDS.map((id) =>
          id === useCase.id ? (
            <strong key={id}>{USE_CASES[id].title}</strong>
          ) : (
            <Link key={id} href={here({ case: id, weights: null })}>
              {USE_CASES[id].title}
            </Link>
          ),
        )}
        {useCase.id === "custom" ? <strong>Custom</strong> : <a href="#custom">Custom…</a>}
      </nav>
      <section aria-labelledby="case-heading">
        <h2 id="case-heading">{useCase.title}</h2>
        <p>{useCase.summary}</p>
        {useCase.why && <p className="text-sm text-zinc-600 dark:text-zinc-400">{useCase.why}</p>}
        <p className="text-sm">
          Weights:{" "}
          {Object.entries(useCase.weights)
            .map(([c, w]) => `${c} ${w}`)
            .join(", ")}
          {useCase.minIsolation !== undefined && `; minimum isolation level ${useCase.minIsolation}`}. Ranked by the
          weighted geometric mean of category overheads against {sel ? runtimeLabel(sel.baseline) : "the baseline"} in{" "}
          {sel?.dataset ?? "no dataset"} on {sel?.host ?? "no host"}.
        </p>
      </section>
      {!sel || !data.baselineHasData ? (
        <p role="status">
          No measurements to rank here. Pick a dataset with a {runtimeLabel(asked.baseline)} baseline (for example the
          bundled one), or import one.
        </p>
      ) : (
        <>
          <TradeoffSection points={points} csv={csv} title={useCase.title} />
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
              })
            }
          />
        </>
      )}
      <section aria-labelledby="nodata-heading">
        <h2 id="nodata-heading">Runtimes without data here</h2>
        <p className="text-sm">
          {RUNTIME_IDS.filter((id) => !withData.has(id))
            .map((id) => runtimeLabel(id))
            .join(", ")}
          . Measure runc, crun and gVisor on your machine with <code>npm run bench</code>; Kata, Firecracker and other
          VM-based runtimes through an engine (<code>npm run bench -- --engine …</code>) or by importing a public
          dataset (see the README).
        </p>
      </section>
      <section id="custom" aria-labelledby="custom-heading">
        <h2 id="custom-heading">Custom case</h2>
        <p className="text-sm">Set your own weights; the URL keeps them, so the ranking can be shared.</p>
        <WeightsEditor key={asked.weights ?? useCase.id} initial={useCase.weights} />
      </section>
    </>
  );
}
