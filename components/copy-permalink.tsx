"use client";

import { useState } from "react";

type Shown = { label: string; value: string } | { label: "Error"; error: string };

/** Puts text on the clipboard; browsers that refuse still show it, selectable. */
const toClipboard = (text: string) => navigator.clipboard?.writeText(text).catch(() => undefined);

/** The short link of a permalink, made (or found) by the server: the same permalink, the same id. */
async function shortLinkOf(path: string): Promise<Shown> {
  const response = await fetch("/api/short-links", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ path }),
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
  if (!response.ok || !body.url)
    return { label: "Error", error: body.error ?? `short link failed (${response.status})` };
  return { label: "Short link", value: `${window.location.origin}${body.url}` };
}

const embedSnippet = (origin: string, embedPath: string) =>
  `<iframe src="${origin}${embedPath.replace(/&/g, "&amp;")}" title="hvscope chart" width="680" height="480" style="border:0" loading="lazy"></iframe>`;

/**
 * "Copy link": puts the permalink on the clipboard and shows it, selectable, for browsers that
 * refuse. "Short link" copies an `/s/ID` standing for the same permalink; "Embed" (where the view
 * has one) the iframe snippet of its chart.
 */
export function CopyPermalink({ path, embedPath }: { path: string; embedPath?: string }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const show = async (next: Shown | Promise<Shown>) => {
    const resolved = await next;
    setShown(resolved);
    if ("value" in resolved) await toClipboard(resolved.value);
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        className="button"
        onClick={() => void show({ label: "Copied", value: `${window.location.origin}${path}` })}
      >
        Copy link
      </button>
      <button type="button" className="button" onClick={() => void show(shortLinkOf(path))}>
        Short link
      </button>
      {embedPath && (
        <button
          type="button"
          className="button"
          onClick={() => void show({ label: "Embed", value: embedSnippet(window.location.origin, embedPath) })}
        >
          Embed
        </button>
      )}
      {shown && "error" in shown && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {shown.error}
        </span>
      )}
      {shown && "value" in shown && (
        <label className="flex flex-1 items-center gap-2">
          <span className="text-zinc-600 dark:text-zinc-400">{shown.label}:</span>
          <input
            className="control flex-1"
            readOnly
            value={shown.value}
            aria-label={shown.label === "Copied" ? "Permalink" : shown.label}
            onFocus={(e) => e.target.select()}
          />
        </label>
      )}
    </div>
  );
}
