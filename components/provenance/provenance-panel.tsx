"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { formatValue, runtimeLabel } from "@/lib/format";
import { provenanceQuery, samplesQuery } from "@/lib/query-options";
import type { Filters } from "@/lib/search-params";
import { SourceFileView } from "./source-file-view";
import { DataTableHead } from "@/components/ui/data-table-head";

export interface ProvenanceTarget {
  filters: Filters;
  title: string;
  /** Open this file at once (a clicked point), else list the row's samples first. */
  sourceFileId?: number;
}

/**
 * Drill-down from a bar, point or row to its samples and the raw file behind each: a modal
 * `<dialog>` at the right edge. showModal() gives what a keyboard needs without a script of our
 * own: focus moves in, the page behind is inert (Tab stays inside), Escape closes. Focus goes back
 * to the element that opened it.
 */
export function ProvenancePanel({ target, onClose }: { target: ProvenanceTarget; onClose: () => void }) {
  const [fileId, setFileId] = useState<number | undefined>(target.sourceFileId);
  const samples = useQuery({ ...samplesQuery(target.filters), enabled: fileId === undefined });
  const file = useQuery({ ...provenanceQuery(fileId ?? 0), enabled: fileId !== undefined });
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const headingId = useId();
  useEffect(() => {
    const el = dialog.current;
    // Once: under StrictMode the effect runs twice, the second time with focus already inside.
    opener.current ??= document.activeElement as HTMLElement | null;
    if (el && !el.open) el.showModal();
  }, []);
  // Every way out (Escape, the Close button) closes the dialog first, so focus is returned once.
  const onDialogClose = () => {
    opener.current?.focus();
    onClose();
  };
  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      onClose={onDialogClose}
      className="fixed inset-y-0 right-0 left-auto m-0 h-full max-h-none w-full max-w-2xl overflow-auto border-l border-zinc-300 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/30 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
    >
      <div className="mb-3 flex items-start gap-3">
        <h2 id={headingId} className="m-0 text-lg font-semibold">
          Provenance: {target.title}
        </h2>
        <button type="button" className="button ml-auto" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      {fileId !== undefined && target.sourceFileId === undefined && (
        <button type="button" className="button mb-3" onClick={() => setFileId(undefined)}>
          ← All samples
        </button>
      )}
      {fileId === undefined ? (
        samples.isPending ? (
          <p>Loading samples…</p>
        ) : samples.isError ? (
          <p role="alert">Could not load the samples: {samples.error.message}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <DataTableHead
                columns={[
                  { label: "Runtime" },
                  { label: "Repetition", numeric: true },
                  { label: "Value", numeric: true },
                  { label: "Source" },
                ]}
              />
              <tbody>
                {samples.data.samples.map((s) => (
                  <tr key={`${s.runId}-${s.metric}`}>
                    <td>{runtimeLabel(s.runtime, s.version, s.variant)}</td>
                    <td className="num">{s.repetition}</td>
                    <td className="num">{formatValue(s.value, s.unit)}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        onClick={() => setFileId(Number(s.provenance.split("/").pop()))}
                      >
                        Show file
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : file.isPending ? (
        <p>Loading the file…</p>
      ) : file.isError ? (
        <p role="alert">Could not load the file: {file.error.message}</p>
      ) : (
        <SourceFileView file={file.data} />
      )}
    </dialog>
  );
}
