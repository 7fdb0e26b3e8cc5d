"use client";

import { useState } from "react";

/** "Copy link": puts the permalink on the clipboard and shows it, selectable, for browsers that refuse. */
export function CopyPermalink({ path }: { path: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
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
