import Link from "next/link";
import { formatPct, runtimeLabel } from "@/lib/format";
import { evidenceMarkers } from "@/lib/guide/evidence-notes";
import type { CategoryEvidence, EvidenceSource } from "@/lib/guide/synthesis-ranking";
import { forestHref, studyExploreHref, type SynthesisView } from "@/lib/synthesis/study-links";

interface CategoryEvidenceProps {
  runtime: string;
  evidence: CategoryEvidence;
  view: SynthesisView;
}

const MARKER = "ml-1 inline-block rounded px-1 text-xs";

// A ranking holds dozens of these links: prefetching each would cost a server render apiece.

/**
 * One category of a ranked runtime: its value linked to the forest plot, k, how it was reached,
 * and the datasets behind it, each linked to its explore view.
 */
export function CategoryEvidenceItem({ runtime, evidence: e, view }: CategoryEvidenceProps) {
  const { cell } = e;
  const counted = e.sources.filter((s) => s.counted);
  const listed = e.sources.filter((s) => !s.counted);
  return (
    <li>
      <span className="font-medium">{e.category}</span>{" "}
      <span className="text-xs text-zinc-600 dark:text-zinc-400">×{e.weight}</span>{" "}
      <Link
        href={forestHref(runtime, e.category, view)}
        prefetch={false}
        title={`Forest plot of ${e.category}: every study`}
      >
        {formatPct(cell.overheadPct)}
      </Link>
      {cell.ciLowPct !== null && cell.ciHighPct !== null && (
        <span className="text-xs">
          {" "}
          ({formatPct(cell.ciLowPct)} to {formatPct(cell.ciHighPct)})
        </span>
      )}
      <span className={`${MARKER} bg-zinc-100 dark:bg-zinc-800`}>k = {cell.k}</span>
      {evidenceMarkers(e).map((m) => (
        <span key={m} className={`${MARKER} border border-dashed border-amber-600 text-amber-800 dark:text-amber-300`}>
          {m}
        </span>
      ))}
      <div className="text-xs">
        <SourceLinks runtime={runtime} sources={counted} view={view} />
        {listed.length > 0 && (
          <span className="text-zinc-600 dark:text-zinc-400">
            {counted.length > 0 && "; "}
            not pooled: <SourceLinks runtime={runtime} sources={listed} view={view} />
          </span>
        )}
      </div>
    </li>
  );
}

function SourceLinks({ runtime, sources, view }: { runtime: string; sources: EvidenceSource[]; view: SynthesisView }) {
  return sources.map((s, i) => (
    <span key={`${s.dataset}|${s.host}|${s.via}`}>
      {i > 0 && " · "}
      <Link
        href={studyExploreHref({ runtime }, s, view.baseline, view.asof)}
        prefetch={false}
        title={`${s.dataset} on ${s.host}`}
      >
        {s.dataset}
      </Link>
      {s.via && <span className="text-zinc-600 dark:text-zinc-400"> against {runtimeLabel(s.via)}</span>}
    </span>
  ));
}
