import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db";
import { listMeasuredRuntimeIds } from "@/db/queries/runtime-appearances";
import { ISOLATION_LEVELS } from "@/lib/catalog/isolation";
import { RUNTIME_FACTS } from "@/lib/catalog/runtime-facts";
import { RUNTIME_IDS, RUNTIMES } from "@/lib/runtime-ids";
import { DataTableHead } from "@/components/ui/data-table-head";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runtimes" };

export default async function RuntimesPage() {
  const measured = new Set(await listMeasuredRuntimeIds(db));
  return (
    <>
      <h1>Runtimes</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Every system hvscope knows, by the kind of boundary between the workload and the host kernel. Each page cites
        its sources and shows what was measured.
      </p>
      <div className="overflow-x-auto">
        <table className="data-table" aria-label="Runtimes">
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
    </>
  );
}
