import { CopyPermalink } from "@/components/copy-permalink";
import { serializePermalink } from "@/lib/search-params";
import { selectionFilters, type Selection } from "@/lib/explore/selection";

/**
 * Writes every value explicitly, defaults included, and pins `asof` to the latest import,
 * so the link shows the same numbers after later imports and after default changes.
 */
export function CopyLink({ selection, latestImport }: { selection: Selection; latestImport: number | null }) {
  const filters = { ...selectionFilters(selection), asof: selection.asof ?? latestImport };
  return (
    <CopyPermalink
      path={serializePermalink("/explore", filters)}
      embedPath={serializePermalink("/embed/explore", filters)}
    />
  );
}
