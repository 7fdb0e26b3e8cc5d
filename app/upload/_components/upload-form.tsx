"use client";

import { useState } from "react";
import type { PickedFile } from "@/lib/upload/picked-files";
import { sendUpload, type UploadLabels, type UploadOutcome } from "@/lib/upload/send-upload";
import { formatValue } from "@/lib/format";
import { DropZone } from "./drop-zone";
import { UploadSummary } from "./upload-summary";
import { useRememberedToken } from "./use-remembered-token";

type Phase =
  { state: "idle" } | { state: "sending"; sent: number; total: number } | { state: "done"; outcome: UploadOutcome };

const LABEL_FIELDS: [keyof UploadLabels, string, string][] = [
  ["dataset", "Dataset", "default: the manifest's, else the folder's name"],
  ["host", "Host", "default: the manifest's, else unknown"],
  ["runtime", "Runtime", "default: the manifest's, else from folder or file names"],
];

/** The upload form: files, optional labels, the token; then progress, then what the server did. */
export function UploadForm() {
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [labels, setLabels] = useState<UploadLabels>({ dataset: "", host: "", runtime: "" });
  const { token, setToken, remember, setRemember } = useRememberedToken();
  const [phase, setPhase] = useState<Phase>({ state: "idle" });
  const sending = phase.state === "sending";
  const total = files.reduce((sum, f) => sum + f.file.size, 0);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setPhase({ state: "sending", sent: 0, total });
    const outcome = await sendUpload(files, labels, token, (sent, all) =>
      setPhase({ state: "sending", sent, total: all }),
    );
    setPhase({ state: "done", outcome });
    if (outcome.ok) setFiles([]);
  }

  return (
    <form onSubmit={submit} className="max-w-3xl space-y-5" aria-describedby="upload-intro">
      <DropZone disabled={sending} onPick={(picked) => setFiles((had) => mergeByPath(had, picked))} />
      {files.length > 0 && (
        <div className="text-sm">
          <p role="status">
            {files.length} {files.length === 1 ? "file" : "files"} chosen, {formatBytes(total)}.{" "}
            <button type="button" className="button" disabled={sending} onClick={() => setFiles([])}>
              Clear
            </button>
          </p>
          <ul aria-label="Chosen files" className="mt-1 max-h-40 overflow-auto text-zinc-600 dark:text-zinc-400">
            {files.slice(0, 200).map((f) => (
              <li key={f.path} className="break-all">
                {f.path}
              </li>
            ))}
            {files.length > 200 && <li>… and {files.length - 200} more</li>}
          </ul>
        </div>
      )}
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-medium">
          Labels (optional; they override the manifest for every file)
        </legend>
        {LABEL_FIELDS.map(([name, label, hint]) => (
          <div key={name} className="flex flex-col gap-1 text-sm">
            <label htmlFor={`upload-${name}`}>{label}</label>
            <input
              id={`upload-${name}`}
              className="control"
              name={name}
              value={labels[name]}
              onChange={(e) => setLabels({ ...labels, [name]: e.target.value })}
              aria-describedby={`upload-${name}-hint`}
            />
            <span id={`upload-${name}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
              {hint}
            </span>
          </div>
        ))}
      </fieldset>
      <div className="space-y-1 text-sm">
        <label className="flex flex-col gap-1">
          Upload token
          <input
            className="control font-mono"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          Remember the token on this browser (kept in its local storage until you untick this)
        </label>
      </div>
      <button type="submit" className="button font-medium" disabled={sending || files.length === 0 || !token.trim()}>
        Upload {files.length > 0 ? `${files.length} ${files.length === 1 ? "file" : "files"}` : ""}
      </button>
      <UploadProgress phase={phase} />
    </form>
  );
}

function UploadProgress({ phase }: { phase: Phase }) {
  if (phase.state === "idle") return null;
  if (phase.state === "sending") {
    const arrived = phase.total > 0 && phase.sent >= phase.total;
    return (
      <div role="status" className="space-y-1 text-sm">
        <progress className="w-full" max={phase.total || 1} value={phase.sent} aria-label="Upload progress" />
        <p>
          {arrived
            ? "Sent; the server is importing the files…"
            : `Sending ${formatBytes(phase.sent)} of ${formatBytes(phase.total)}…`}
        </p>
      </div>
    );
  }
  const { outcome } = phase;
  return (
    <div className="space-y-3">
      {!outcome.ok && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {outcome.message}
        </p>
      )}
      {outcome.answer && <UploadSummary answer={outcome.answer} />}
    </div>
  );
}

const formatBytes = (bytes: number) => formatValue(bytes, "bytes");

/** Files picked again replace those of the same path; new ones are added. */
function mergeByPath(had: PickedFile[], picked: PickedFile[]): PickedFile[] {
  const byPath = new Map(had.map((f) => [f.path, f]));
  for (const f of picked) byPath.set(f.path, f);
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}
