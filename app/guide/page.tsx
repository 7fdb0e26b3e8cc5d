import type { Metadata } from "next";
import Link from "next/link";
import { checkLink } from "@/app/_lib/canonical-link";
import { Notices } from "@/components/notices";
import { CAPABILITY_LABELS } from "@/lib/catalog/capability-ids";
import { USE_CASE_IDS } from "@/lib/catalog/use-case-ids";
import { USE_CASES } from "@/lib/catalog/use-cases";
import { runtimeLabel } from "@/lib/format";
import { resolveGuideCase } from "@/lib/guide/case";
import { RUNTIME_IDS } from "@/lib/runtime-ids";
import { loadFilters, type PageSearchParams } from "@/lib/search-params";
import { datasetMode } from "./_components/dataset-mode";
import { ModeSwitch } from "./_components/guide-mode";
import { synthesisMode } from "./_components/synthesis-mode";
import { RequirementsPicker } from "./_components/requirements-picker";
import { WeightsEditor } from "./_components/weights-editor";

export const dynamic = "force-dynamic";

/** A guide link previews as its use case and requirements, which is what the reader chose. */
export async function generateMetadata({ searchParams }: { searchParams: PageSearchParams }): Promise<Metadata> {
  const asked = loadFilters(await searchParams);
  const { useCase } = resolveGuideCase(asked.case, asked.weights, asked.require);
  const needs = useCase.requires.map((c) => CAPABILITY_LABELS[c].label).join(", ");
  const title = `Which runtime for ${useCase.title}?${needs ? ` Requires: ${needs}` : ""}`;
  const basis = asked.dataset === null ? "the synthesis across datasets" : `dataset ${asked.dataset}`;
  const description = `${useCase.summary} Runtimes ranked by weighted overhead on ${basis}, with isolation, pros and cons.`;
  const shared = `${title} · hvscope`;
  return {
    title,
    description,
    openGraph: { title: shared, description },
    twitter: { card: "summary", title: shared, description },
  };
}

/** Ranks runtimes for a use case: on the synthesis across datasets, or within one (`dataset=`). */
export default async function GuidePage({ searchParams }: { searchParams: PageSearchParams }) {
  const raw = await searchParams;
  const linkNotices = checkLink("/guide", raw);
  const asked = loadFilters(raw);
  const { useCase, notices: caseNotices } = resolveGuideCase(asked.case, asked.weights, asked.require);
  const mode = asked.dataset === null ? await synthesisMode(raw, useCase) : await datasetMode(raw, useCase);
  const withoutData = RUNTIME_IDS.filter((id) => !mode.measured.has(id)).map((id) => runtimeLabel(id));
  return (
    <>
      <h1>Which runtime fits your case?</h1>
      <Notices notices={[...linkNotices, ...mode.notices, ...caseNotices]} />
      <ModeSwitch modes={mode.modes} />
      {mode.controls}
      <nav aria-label="Use cases" className="mb-4 flex flex-wrap gap-3 text-sm">
        {USE_CASE_IDS.map((id) =>
          id === useCase.id ? (
            <strong key={id}>{USE_CASES[id].title}</strong>
          ) : (
            <Link key={id} href={mode.caseHref(id)}>
              {USE_CASES[id].title}
            </Link>
          ),
        )}
        {useCase.id === "custom" ? <strong>Custom</strong> : <a href="#custom">Custom…</a>}
      </nav>
      <RequirementsPicker useCase={useCase} requireHref={mode.requireHref} />
      <section aria-labelledby="case-heading">
        <h2 id="case-heading">{useCase.title}</h2>
        <p>{useCase.summary}</p>
        {useCase.why && <p className="text-sm text-zinc-600 dark:text-zinc-400">{useCase.why}</p>}
        {useCase.caveat && (
          <p
            role="note"
            aria-label="What the numbers do not measure"
            className="border-l-4 border-amber-500 pl-3 text-sm"
          >
            {useCase.caveat}
          </p>
        )}
        <p className="text-sm">
          Weights:{" "}
          {Object.entries(useCase.weights)
            .map(([c, w]) => `${c} ${w}`)
            .join(", ")}
          {useCase.minIsolation !== undefined && `; minimum isolation level ${useCase.minIsolation}`}
          {useCase.requires.length > 0 &&
            `; requires ${useCase.requires.map((r) => CAPABILITY_LABELS[r].label).join(", ")} (runtimes lacking one are set apart, with the reason)`}
          . {mode.basis}
        </p>
      </section>
      {mode.ranking}
      <section aria-labelledby="nodata-heading">
        <h2 id="nodata-heading">Runtimes without data here</h2>
        <p className="text-sm">
          {withoutData.length > 0 ? `${withoutData.join(", ")}.` : "None: every catalogued runtime has data."} Measure
          runc, crun and gVisor on your machine with <code>npm run bench</code>; Kata, Firecracker and other VM-based
          runtimes through an engine (<code>npm run bench -- --engine …</code>) or by importing a public dataset (see
          the README).
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
