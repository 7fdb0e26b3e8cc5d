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
  const number = (id: string) => sources.findIndex((s) => s.id === id) + 1;
  return (
    <ul aria-label={label} className="m-0 list-disc space-y-1 pl-5">
      {claims.map((c) => (
        <li key={c.text}>
          {c.text}{" "}
          {c.sources.map((id) => {
            const source = sources[number(id) - 1]!;
            return (
              <a
                key={id}
                href={source.url}
                className="text-xs no-underline"
                title={source.title}
                rel="noreferrer"
                target="_blank"
              >
                [{number(id)}]
              </a>
            );
          })}
        </li>
      ))}
    </ul>
  );
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
          {s.year ? `, ${s.year}` : ""})
        </li>
      ))}
    </ol>
  );
}
