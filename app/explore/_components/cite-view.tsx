import { requestOrigin } from "@/app/_lib/shared-metadata";
import { datasetFiles } from "@/app/_lib/dataset-files";
import { CiteButton } from "@/components/share/cite-button";
import { db } from "@/db";
import { datasetImportSpan } from "@/db/queries/dataset-imports";
import { citationBibtex, citationText, type DatasetCitation } from "@/lib/cite/citation";
import { selectionFilters, type Selection } from "@/lib/explore/selection";
import { serializePermalink } from "@/lib/search-params";

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/** The view's citation: its dataset's provenance (files shipped with hvscope, import times) and its pinned permalink. */
export async function CiteView({
  selection,
  latestImport,
  title,
}: {
  selection: Selection;
  latestImport: number | null;
  title: string;
}) {
  const asof = selection.asof ?? latestImport;
  const files = datasetFiles().get(selection.dataset);
  const span = await datasetImportSpan(db, selection.dataset, asof);
  const dataset: DatasetCitation = {
    dataset: selection.dataset,
    description: files?.description ?? null,
    source: files?.source ?? files?.notice?.repository ?? null,
    notice: files?.notice ?? null,
    importedFrom: day(span.first),
    importedTo: day(span.last),
  };
  const path = serializePermalink("/explore", { ...selectionFilters(selection), asof });
  const citation = {
    title,
    permalink: new URL(path, await requestOrigin()).toString(),
    accessed: new Date().toISOString().slice(0, 10),
    datasets: [dataset],
  };
  return <CiteButton bibtex={citationBibtex(citation)} text={citationText(citation)} />;
}
