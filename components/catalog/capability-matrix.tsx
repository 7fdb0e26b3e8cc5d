import type { ReactNode } from "react";
import Link from "next/link";
import {
  CAPABILITY_MATRIX,
  type CapabilityCell,
  type CapabilityColumn,
  type Support,
} from "@/lib/catalog/capabilities";
import { CAPABILITY_IDS, CAPABILITY_LABELS } from "@/lib/catalog/capability-ids";
import type { Source } from "@/lib/catalog/sources";
import { RUNTIMES } from "@/lib/runtime-ids";
import { Citations } from "./claim-list";

const MARKS: Record<Support, { symbol: string; word: string; className: string }> = {
  yes: { symbol: "✓", word: "yes", className: "text-emerald-700 dark:text-emerald-400" },
  partial: { symbol: "◐", word: "partial", className: "text-amber-700 dark:text-amber-400" },
  no: { symbol: "✗", word: "no", className: "text-zinc-500 dark:text-zinc-400" },
};

/** A cell's value: a symbol for the eye and the word for screen readers (never the symbol alone). */
export function SupportMark({ support }: { support: Support }) {
  const mark = MARKS[support];
  return (
    <span className={`font-semibold ${mark.className}`}>
      <span aria-hidden="true">{mark.symbol}</span>
      <span className="sr-only">{mark.word}</span>
    </span>
  );
}

function CellText({ cell, sources }: { cell: CapabilityCell; sources: readonly Source[] }): ReactNode {
  return (
    <>
      <SupportMark support={cell.support} /> {cell.note} <Citations ids={cell.sources} sources={sources} />
    </>
  );
}

/**
 * Every sandbox (rows) against every capability (columns). The table scrolls inside its own box,
 * the runtime column staying in view, so a phone never scrolls the page sideways.
 */
export function CapabilityMatrix({ sources }: { sources: readonly Source[] }) {
  const runtimes = Object.keys(CAPABILITY_MATRIX) as (keyof typeof CAPABILITY_MATRIX)[];
  return (
    // relative: the hidden words (sr-only, absolutely positioned) stay inside the box instead of widening the page.
    <div
      role="region"
      aria-label="Capability matrix, scrolls sideways"
      tabIndex={0}
      className="relative overflow-x-auto"
    >
      <table className="data-table min-w-[72rem] text-xs" aria-label="Capabilities by runtime">
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-white dark:bg-zinc-950">
              Runtime
            </th>
            {CAPABILITY_IDS.map((c) => (
              <th key={c} scope="col" title={CAPABILITY_LABELS[c].question}>
                {CAPABILITY_LABELS[c].label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runtimes.map((id) => (
            <tr key={id}>
              <th scope="row" className="sticky left-0 bg-white font-normal dark:bg-zinc-950">
                <Link href={`/runtimes/${id}`}>{RUNTIMES[id].name}</Link>
              </th>
              {CAPABILITY_IDS.map((c) => (
                <td key={c}>
                  <CellText cell={CAPABILITY_MATRIX[id][c]} sources={sources} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One runtime's column of the matrix, as a list. */
export function CapabilityList({ column, sources }: { column: CapabilityColumn; sources: readonly Source[] }) {
  return (
    <dl aria-label="Capabilities" className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]">
      {CAPABILITY_IDS.map((c) => (
        <div key={c} className="contents">
          <dt className="text-zinc-600 dark:text-zinc-400">{CAPABILITY_LABELS[c].label}</dt>
          <dd className="m-0 max-sm:mb-2">
            <CellText cell={column[c]} sources={sources} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
