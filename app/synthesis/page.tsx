import type { Metadata } from "next";
import Link from "next/link";
import { checkLink } from "@/app/_lib/canonical-link";
import { synthesisMetadata } from "@/app/_lib/shared-metadata";
import { Notices } from "@/components/notices";
import { db } from "@/db";
import { getSynthesisData } from "@/db/queries/synthesis";
import { runtimeLabel } from "@/lib/format";
import {
  loadSynthesisFilters,
  serializeSynthesis,
  serializeSynthesisPermalink,
  type PageSearchParams,
} from "@/lib/search-params";
import { ForestSection } from "./_components/forest-section";
import { MethodNotes } from "./_components/method-notes";
import { SynthesisControls } from "@/components/synthesis-controls";
import { CopyPermalink } from "@/components/copy-permalink";

export const dynamic = "force-dynamic";

export async function generateMetadata({ searchParams }: { searchParams: PageSearchParams }): Promise<Metadata> {
  return synthesisMetadata(await searchParams);
}

/** Forest plots: for each runtime and category, every study with its interval and weight, and the pooled value. */
export default async function SynthesisPage({ searchParams }: { searchParams: PageSearchParams }) {
  const raw = await searchParams;
  const linkNotices = checkLink("/synthesis", raw);
  const data = await getSynthesisData(db, loadSynthesisFilters(raw), raw);
  const { synthesis, filters, notices, runtimes } = data;
  const here = (f: Partial<typeof filters>) => serializeSynthesis("/synthesis", { ...filters, ...f });
  return (
    <>
      <h1>Across datasets, against {runtimeLabel(filters.baseline)}</h1>
      <Notices notices={[...linkNotices, ...notices]} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Each study is one dataset and host that measured the runtime next to the baseline; the pooled value combines
        them by random effects. <Link href={serializeSynthesis("/", filters)}>All runtimes and categories</Link>
      </p>
      <SynthesisControls filters={filters} runtimes={runtimes} hrefOf={here} />
      <CopyPermalink
        path={serializeSynthesisPermalink("/synthesis", { ...filters, asof: filters.asof ?? data.latestImport })}
      />
      {synthesis.rows.length === 0 ? (
        <p role="status">No runtime was measured against {runtimeLabel(filters.baseline)} for these filters.</p>
      ) : (
        synthesis.rows.map((row) => (
          <ForestSection
            key={`${row.runtime}|${row.variant}|${row.category}`}
            row={row}
            baseline={filters.baseline}
            asof={filters.asof}
          />
        ))
      )}
      <MethodNotes />
    </>
  );
}
