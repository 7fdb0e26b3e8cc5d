"use client";

import { useState } from "react";
import { serializePermalink } from "@/lib/search-params";
import { selectionFilters, type Selection } from "@/lib/explore/selection";

/**
 * Writes every value explicitly, defaults included, and pins `asof` to the latest import,
 * so the link shows the same numbers after later imports and after default changes.
 */
export function CopyLink({ selection, latestImport }: { selection: Selection; latestImport: number | null }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    const path = serializePermalink("/explore", {
      ...selectionFilters(selection),
      asof: selection.asof ?? latestImport,
    });
    const url = `${window.location.origin}${path}`;
    setCopied(url);
    await navigator.clipboard?.writeText(url).catch(() => undefined);
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <button type="button" className="button" onClick={() => void copy()}>
        Copy link
      </button>
      {copied && (
        <label className="flex flex-1 items-center gap-2">
          <span className="text-zinc-600 dark:text-zinc-400">Copied:</span>
          <input
            className="control flex-1"
            readOnly
            value={copied}
            aria-label="Permalink"
            onFocus={(e) => e.target.select()}
          />
        </label>
      )}
    </div>
  );
}
