/** What a dataset's NOTICE (data/public/NAME/NOTICE) says about where its files come from. */
export interface NoticeProvenance {
  /** The NOTICE's first paragraph: what the data is and who measured it. */
  summary: string;
  repository: string | null;
  commit: string | null;
  licence: string | null;
  /** A paper named in the summary as `"Title" (Authors, Venue Year)`. */
  paper: { title: string; reference: string; year: string | null } | null;
}

const field = (text: string, name: string) => new RegExp(`^${name}:\\s*(.+)$`, "m").exec(text)?.[1]?.trim() ?? null;

/** Reads the fields every NOTICE of data/public writes the same way (see data/public/README.md). */
export function parseNotice(text: string): NoticeProvenance {
  const first = text.split(/\n\s*\n/)[0] ?? "";
  const summary = first.replace(/\s*\n\s*/g, " ").trim();
  const paper = /"([^"]+)"\s*\(([^)]+)\)/.exec(summary);
  return {
    summary,
    repository: field(text, "Source repository"),
    commit: field(text, "Commit"),
    // "Apache License 2.0; LICENSE is the repository's licence file…": the licence is before the ';'.
    licence: field(text, "Licence")?.split(";")[0]?.trim() ?? null,
    paper: paper
      ? { title: paper[1]!, reference: paper[2]!, year: /\b(19|20)\d\d\b/.exec(paper[2]!)?.[0] ?? null }
      : null,
  };
}
