import "server-only";
import { db } from "@/db";
import { listImports } from "@/db/queries/facets";
import { getExploreData, hasSelection, type SelectedExploreData } from "@/db/queries/explore";
import { isWarning, selectionFilters, type RawParams } from "@/lib/explore/selection";
import { loadFilters, serializePermalink } from "@/lib/search-params";
import { summarizeView, type ViewSummary } from "@/lib/share/view-summary";

export interface SharedView {
  data: SelectedExploreData;
  summary: ViewSummary;
  /** The query string that reproduces the view, every value spelled out (`?dataset=…`). */
  query: string;
  /** The link pins an import that exists and nothing was dropped: its picture never changes. */
  immutable: boolean;
}

/**
 * An /explore view as link previews, preview images and embeds show it: the same cached data the
 * page reads (getExploreData), summarised. Null when nothing has been imported.
 */
export async function loadSharedView(raw: RawParams): Promise<SharedView | null> {
  const filters = loadFilters(raw);
  const [data, imports] = await Promise.all([getExploreData(db, filters, raw), listImports(db)]);
  if (!hasSelection(data)) return null;
  const { selection } = data;
  return {
    data,
    summary: summarizeView(selection, data.table.rows),
    query: serializePermalink("", selectionFilters(selection)),
    immutable: imports.some((i) => i.id === filters.asof) && !data.notices.some(isWarning),
  };
}

/** Cache-Control of what a shared view renders (preview image, embed). */
export const sharedCacheControl = (immutable: boolean) =>
  immutable ? "public, max-age=31536000, immutable" : "public, max-age=300";
