import Link from "next/link";
import type { ReactNode } from "react";
import type { Notice } from "@/lib/explore/selection";
import type { RequirementId } from "@/lib/catalog/capability-ids";
import type { UseCaseId } from "@/lib/catalog/use-case-ids";

/** What one way of ranking (the synthesis, or one dataset) gives the guide page. */
export interface GuideMode {
  notices: Notice[];
  /** This page with another built-in case, the mode and its other values kept. */
  caseHref: (useCase: UseCaseId) => string;
  /** This page with other required capabilities (`require`), everything else kept. */
  requireHref: (require: readonly RequirementId[]) => string;
  /** The modes to choose from, the active one without a link. */
  modes: { label: string; href: string | null }[];
  /** Choices of the mode beyond the case (the synthesis's baseline and indirect evidence); null if none. */
  controls: ReactNode;
  /** What the ranking is computed on, one or two sentences. */
  basis: ReactNode;
  /** The chart and table, or a status saying why there is nothing to rank. */
  ranking: ReactNode;
  /** Runtimes with data in this mode (the baseline included). */
  measured: ReadonlySet<string>;
}

/** Which evidence the ranking rests on, and the way to the other. */
export function ModeSwitch({ modes }: { modes: GuideMode["modes"] }) {
  return (
    <nav aria-label="Ranked on" className="mb-3 flex flex-wrap gap-x-3 gap-y-1 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">Ranked on:</span>
      {modes.map((m, i) => (
        <span key={m.label}>
          {i > 0 && <span className="mr-3 text-zinc-600 dark:text-zinc-400">or</span>}
          {m.href === null ? <strong aria-current="true">{m.label}</strong> : <Link href={m.href}>{m.label}</Link>}
        </span>
      ))}
    </nav>
  );
}
