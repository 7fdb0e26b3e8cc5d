import type { NoticeProvenance } from "./notice";

/** Everything known about where a dataset comes from: its files (manifest, NOTICE) and its imports. */
export interface DatasetCitation {
  dataset: string;
  description: string | null;
  /** The manifest's `source`, else the NOTICE's repository. */
  source: string | null;
  notice: NoticeProvenance | null;
  /** When this hvscope first and last stored files of the dataset (ISO dates), up to the view's import. */
  importedFrom: string | null;
  importedTo: string | null;
}

/** What a view is cited as: its datasets and the hvscope permalink that shows it. */
export interface ViewCitation {
  title: string;
  permalink: string;
  /** The day the citation was made (ISO date): a web page is cited with the date it was read. */
  accessed: string;
  datasets: DatasetCitation[];
}

/** A BibTeX key from a name: letters and digits only. */
const key = (name: string) => name.replace(/[^A-Za-z0-9]+/g, "");
/** BibTeX braces and backslashes escaped; the rest is UTF-8, which biber and modern bibtex read. */
const bib = (text: string) => text.replace(/[\\{}]/g, (c) => `\\${c}`);

function entry(type: string, id: string, fields: [string, string | null | undefined][]): string {
  const lines = fields.filter(([, v]) => v).map(([k, v]) => `  ${k} = {${bib(v!)}},`);
  return `@${type}{${id},\n${lines.join("\n")}\n}`;
}

function datasetEntries(d: DatasetCitation): string[] {
  const n = d.notice;
  const entries = [
    entry("misc", `dataset-${key(d.dataset)}`, [
      ["title", `${d.dataset}: ${d.description ?? n?.summary ?? "benchmark data"}`],
      ["howpublished", n?.repository ?? d.source ?? undefined],
      ["url", d.source ?? n?.repository],
      ["version", n?.commit ? `commit ${n.commit}` : undefined],
      [
        "note",
        [n?.licence && `Licence: ${n.licence}`, d.importedTo && `imported into hvscope ${d.importedTo}`]
          .filter(Boolean)
          .join(". ") || undefined,
      ],
    ]),
  ];
  if (n?.paper)
    entries.push(
      entry("misc", `paper-${key(d.dataset)}`, [
        ["title", n.paper.title],
        ["note", n.paper.reference],
        ["year", n.paper.year],
      ]),
    );
  return entries;
}

/** BibTeX for a view: one entry for the hvscope permalink, one per dataset, one per paper. */
export function citationBibtex(c: ViewCitation): string {
  const view = entry("misc", `hvscope-${c.accessed.replaceAll("-", "")}`, [
    ["title", `hvscope: ${c.title}`],
    ["howpublished", `\\url{${c.permalink}}`],
    ["url", c.permalink],
    ["note", `Accessed ${c.accessed}. Data: ${c.datasets.map((d) => d.dataset).join(", ")}`],
  ]);
  return [view, ...c.datasets.flatMap(datasetEntries)].join("\n\n");
}

/** The same citation as plain text: the view, then each dataset with its provenance. */
export function citationText(c: ViewCitation): string {
  const lines = [`hvscope, "${c.title}", ${c.permalink} (accessed ${c.accessed}).`];
  for (const d of c.datasets) {
    const n = d.notice;
    const parts = [
      `Dataset ${d.dataset}${d.description ? `: ${d.description}` : ""}.`,
      n?.paper && `Paper: "${n.paper.title}" (${n.paper.reference}).`,
      (n?.repository ?? d.source) &&
        `Source: ${n?.repository ?? d.source}${n?.commit ? ` at commit ${n.commit}` : ""}.`,
      n?.licence && `Licence: ${n.licence}.`,
      d.importedFrom &&
        `Imported into hvscope ${d.importedFrom === d.importedTo ? d.importedFrom : `${d.importedFrom} to ${d.importedTo}`}.`,
    ];
    lines.push(parts.filter(Boolean).join(" "));
  }
  return lines.join("\n");
}
