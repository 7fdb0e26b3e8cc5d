import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db";
import { listMeasuredRuntimeIds } from "@/db/queries/runtime-appearances";
import { CapabilityMatrix } from "@/components/catalog/capability-matrix";
import { SourceList } from "@/components/catalog/claim-list";
import { capabilitySourceIds } from "@/lib/catalog/capabilities";
import { ISOLATION_LEVELS } from "@/lib/catalog/isolation";
import { resolveSources } from "@/lib/catalog/sources";
import { RUNTIME_FACTS } from "@/lib/catalog/runtime-facts";
import { RUNTIME_IDS, RUNTIMES } from "@/lib/runtime-ids";
import { DataTableHead } from "@/components/ui/data-table-head";

export const dynamic = "force-dynamic";
const description =
  "Every runtime hvscope knows by its isolation boundary, what each offers (GPU, snapshots, Kubernetes, nested virtualisation) with sources, and whether it was measured.";
export const metadata: Metadata = {
  title: "Runtimes: isolation, capabilities and measured cost",
  description,
  openGraph: { description },
};

export default async function RuntimesPage() {
  const measured = new Set(await listMeasuredRuntimeIds(db));
  const matrixSources = resolveSources(RUNTIME_IDS.flatMap((id) => capabilitySourceIds(id)));
  return (
    <>
      <h1>Runtimes</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Every system hvscope knows, by the kind of boundary between the workload and the host kernel. Each page cites
        its sources and shows what was measured.
      </p>
      {/* Scrolls inside its own box on a phone: the boundaries are long sentences. */}
      <div role="region" aria-label="Runtimes, scrolls sideways" tabIndex={0} className="overflow-x-auto">
        <table className="data-table min-w-[40rem]" aria-label="Runtimes">
          <DataTableHead
            columns={[
              { label: "Runtime" },
              { label: "Family" },
              { label: "Isolation" },
              { label: "Boundary" },
              { label: "Data" },
            ]}
          />
          <tbody>
            {RUNTIME_IDS.map((id) => (
              <tr key={id}>
                <th scope="row" className="font-normal">
                  <Link href={`/runtimes/${id}`}>{RUNTIMES[id].name}</Link>
                </th>
                <td>{RUNTIMES[id].family}</td>
                <td className="whitespace-nowrap">
                  {RUNTIME_FACTS[id].isolationStrength}: {ISOLATION_LEVELS[RUNTIME_FACTS[id].isolationStrength].label}
                </td>
                <td className="text-sm">{RUNTIME_FACTS[id].isolationBoundary}</td>
                <td>{measured.has(id) ? "measured" : "no data"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="capabilities">Capabilities</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        What each runtime offers beyond its boundary and its cost, as its upstream documentation says: ✓ yes, ◐ partial
        (read the note), ✗ no. Each cell cites its sources; bare metal, the reference point, is left out.
      </p>
      <CapabilityMatrix sources={matrixSources} />
      <h3 className="mt-4 text-base font-semibold">Sources of the capabilities</h3>
      <SourceList sources={matrixSources} label="Sources of the capabilities" />
    </>
  );
}
