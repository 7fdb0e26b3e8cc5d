import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CapabilityList } from "@/components/catalog/capability-matrix";
import { ClaimList, SourceList } from "@/components/catalog/claim-list";
import { db } from "@/db";
import { listRuntimeAppearances } from "@/db/queries/runtime-appearances";
import { capabilityColumn } from "@/lib/catalog/capabilities";
import { ISOLATION_LEVELS } from "@/lib/catalog/isolation";
import { RUNTIME_FACTS, runtimeSources } from "@/lib/catalog/runtime-facts";
import { USE_CASES } from "@/lib/catalog/use-cases";
import { isRuntimeId, RUNTIMES } from "@/lib/runtime-ids";
import { AcrossDatasets } from "./across-datasets";
import { MeasuredSummary } from "./measured-summary";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: isRuntimeId(id) ? RUNTIMES[id].name : "Unknown runtime" };
}

export default async function RuntimePage({ params }: { params: Params }) {
  const { id } = await params;
  if (!isRuntimeId(id)) notFound();
  const facts = RUNTIME_FACTS[id];
  const sources = runtimeSources(id);
  const capabilities = capabilityColumn(id);
  const appearances = await listRuntimeAppearances(db, id);
  const versions = [...new Set(appearances.map((a) => a.version).filter((v): v is string => v !== null))];
  const facts2: [string, string][] = [
    ["Family", facts.family],
    [
      "Isolation",
      `${facts.isolationStrength}: ${ISOLATION_LEVELS[facts.isolationStrength].label}. ${facts.isolationRationale}`,
    ],
    ["Boundary", facts.isolationBoundary],
    ["System calls", facts.syscalls],
    ["Files", facts.files],
    ["Network", facts.network],
    ["Start-up", facts.startup],
    [
      "Versions in the data",
      versions.length > 0 ? versions.join(", ") : appearances.length > 0 ? "not recorded" : "none",
    ],
    ["Good prior for", facts.bestFor.map((u) => USE_CASES[u].title).join(", ") || "no use case in particular"],
  ];
  return (
    <>
      <h1>{RUNTIMES[id].name}</h1>
      <dl aria-label="Facts" className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-2 text-sm">
        {facts2.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{k}</dt>
            <dd className="m-0">{v}</dd>
          </div>
        ))}
      </dl>
      <h2>Pros</h2>
      <ClaimList claims={facts.pros} label="Pros" sources={sources} />
      <h2>Cons</h2>
      <ClaimList claims={facts.cons} label="Cons" sources={sources} />
      <h2>Capabilities</h2>
      {capabilities ? (
        <CapabilityList column={capabilities} sources={sources} />
      ) : (
        <p className="text-sm">
          Bare metal is the reference point, not a sandbox: the capability matrix leaves it out.
        </p>
      )}
      <h2>Across datasets, against runc</h2>
      <AcrossDatasets runtime={id} />
      <h2>Measured overhead, per dataset</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Per dataset and host, against runc where it was measured there, else against the dataset&apos;s reference
        runtime (crun, then no sandbox, then its first runtime).
      </p>
      <MeasuredSummary runtime={id} appearances={appearances} />
      <h2>Sources</h2>
      <SourceList sources={sources} />
    </>
  );
}
