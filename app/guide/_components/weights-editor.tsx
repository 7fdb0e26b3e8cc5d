"use client";

import { useQueryStates } from "nuqs";
import { useState } from "react";
import { formatWeights, type Weights } from "@/lib/catalog/weights";
import { CATEGORIES } from "@/lib/categories";
import { filterParsers } from "@/lib/search-params";

/** Custom weights, written to the URL (`case=custom&weights=cpu:1,...`) so the case can be shared. */
export function WeightsEditor({ initial }: { initial: Weights }) {
  const [, setFilters] = useQueryStates(filterParsers, { shallow: false, history: "push" });
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(CATEGORIES.map((c) => [c, String(initial[c] ?? 0)])),
  );
  const weights = Object.fromEntries(
    CATEGORIES.map((c) => [c, Number(draft[c])]).filter(([, w]) => Number(w) > 0),
  ) as Weights;
  const valid =
    CATEGORIES.every((c) => Number.isFinite(Number(draft[c])) && Number(draft[c]) >= 0) &&
    Object.keys(weights).length > 0;
  return (
    <form
      aria-label="Custom weights"
      className="flex flex-wrap items-end gap-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void setFilters({ case: "custom", weights: formatWeights(weights) });
      }}
    >
      {CATEGORIES.map((c) => (
        <label key={c} className="flex flex-col gap-1">
          {c}
          <input
            className="control w-20"
            type="number"
            min={0}
            step={0.5}
            value={draft[c]}
            onChange={(e) => setDraft({ ...draft, [c]: e.target.value })}
          />
        </label>
      ))}
      <button type="submit" className="button" disabled={!valid}>
        Rank with these weights
      </button>
    </form>
  );
}
