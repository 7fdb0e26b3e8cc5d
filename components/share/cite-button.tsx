"use client";

import { useState } from "react";

/** "Cite": the view's citation as BibTeX and as plain text, each selectable and copyable. */
export function CiteButton({ bibtex, text }: { bibtex: string; text: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="text-sm">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Cite
      </button>
      {open && (
        <div className="mt-2 grid gap-2 md:grid-cols-2">
          {(
            [
              ["BibTeX", bibtex],
              ["Plain text", text],
            ] as const
          ).map(([label, value]) => (
            <label key={label} className="flex flex-col gap-1">
              <span className="flex items-center gap-2">
                {label}
                <button
                  type="button"
                  className="button"
                  onClick={() => void navigator.clipboard?.writeText(value).catch(() => undefined)}
                >
                  Copy {label}
                </button>
              </span>
              <textarea
                className="control h-48 font-mono text-xs"
                readOnly
                value={value}
                aria-label={label}
                onFocus={(e) => e.target.select()}
              />
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
