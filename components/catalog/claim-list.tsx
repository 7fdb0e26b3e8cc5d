import type { Source } from "@/lib/catalog/sources";
import type { Claim } from "@/lib/catalog/types";

export interface ClaimListProps {
  claims: readonly Claim[];
  label: string;
  /** The page's numbered source list (see SourceList): claims cite by number. */
  sources: readonly Source[];
}

/** Claims with numbered citations: no statement on these pages without a source. */
export function ClaimList({ claims, label, sources }: ClaimListProps) {
  if (claims.length === 0) return null;
  return (
    <ul aria-label={label} className="m-0 list-disc space-y-1 pl-5">
      {claims.map((c) => (
        <li key={c.text}>
          {c.text} <Citations ids={c.sources} sources={sources} />
        </li>
      ))}
    </ul>
  );
}

/** `[n]` links to the cited sources, numbered as in the page's SourceList. */
export function Citations({ ids, sources }: { ids: readonly string[]; sources: readonly Source[] }) {
  return ids.map((id) => {
    const n = sources.findIndex((s) => s.id === id) + 1;
    const source = sources[n - 1]!;
    return (
      <a key={id} href={source.url} className="text-xs underline" title={source.title} rel="noreferrer" target="_blank">
        [{n}]
      </a>
    );
  });
}

/** The numbered list the citations point at. */
export function SourceList({ sources, label = "Sources" }: { sources: readonly Source[]; label?: string }) {
  return (
    <ol aria-label={label} className="text-sm">
      {sources.map((s) => (
        <li key={s.id}>
          <a href={s.url} rel="noreferrer" target="_blank">
            {s.title}
          </a>{" "}
          ({s.authors ? `${s.authors}, ` : ""}
          {s.publisher}
          {s.year ? `, ${s.year}` : ""}
          {/* When the text was last read against the claims, and which revision (repository files). */}
          <span className="text-zinc-600 dark:text-zinc-400" title={s.revision}>
            ; checked {s.checked}
          </span>
          )
        </li>
      ))}
    </ol>
  );
}
