import Link from "next/link";
import { CAPABILITY_LABELS, REQUIREMENT_IDS, type RequirementId } from "@/lib/catalog/capability-ids";
import type { ResolvedCase } from "@/lib/guide/case";

export interface RequirementsPickerProps {
  useCase: ResolvedCase;
  /** This page with these requirements added by the URL (`require`). */
  requireHref: (require: readonly RequirementId[]) => string;
}

/**
 * What every runtime must offer: the case's own requirements (fixed) and those the link adds, each
 * a link that toggles it. Runtimes lacking one stay in the ranking, set apart with the reason.
 */
export function RequirementsPicker({ useCase, requireHref }: RequirementsPickerProps) {
  const byUrl = useCase.requiredByUrl;
  return (
    <nav aria-label="Required capabilities" className="mb-4 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">Require:</span>
      {REQUIREMENT_IDS.map((r) => {
        const label = CAPABILITY_LABELS[r].label;
        if (useCase.requires.includes(r) && !byUrl.includes(r))
          return (
            <span key={r}>
              <span aria-hidden="true">☑ </span>
              <strong>{label}</strong>{" "}
              <span className="text-xs text-zinc-600 dark:text-zinc-400">(this case needs it)</span>
            </span>
          );
        const on = byUrl.includes(r);
        const next = on ? byUrl.filter((x) => x !== r) : [...byUrl, r];
        return (
          <Link key={r} href={requireHref(next)} aria-current={on ? "true" : undefined}>
            <span aria-hidden="true">{on ? "☑ " : "☐ "}</span>
            {label}
            <span className="sr-only">{on ? " (required; follow to drop)" : " (not required; follow to require)"}</span>
          </Link>
        );
      })}
    </nav>
  );
}
