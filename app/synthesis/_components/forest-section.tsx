import Link from "next/link";
import { ForestPlot, type ForestStudy } from "@/components/charts/forest-plot";
import { runtimeLabel } from "@/lib/format";
import { forestScale } from "@/lib/synthesis/forest";
import type { SynthesisRow } from "@/lib/synthesis/synthesize";
import { studyExploreHref } from "@/lib/synthesis/study-links";

/** One runtime and category: its studies, the pooled value and how much the studies disagree. */
export function ForestSection({ row, baseline, asof }: { row: SynthesisRow; baseline: string; asof: number | null }) {
  const studies: ForestStudy[] = row.studies.map((s, i) => ({
    key: `${s.dataset}|${s.host}|${s.version}|${s.via}|${i}`,
    label: <Link href={studyExploreHref(row, s, baseline, asof)}>{`${s.dataset} · ${s.host}`}</Link>,
    detail: [
      s.version ? `version ${s.version}` : null,
      `${s.workloads.length} workload${s.workloads.length === 1 ? "" : "s"}`,
      `n ${s.n === 1 ? "= 1" : `≥ ${s.n}`}`,
      s.via ? `indirect, via ${runtimeLabel(s.via)}` : null,
    ]
      .filter(Boolean)
      .join(", "),
    n: s.n,
    pct: s.overheadPct,
    lowPct: s.ciLowPct,
    highPct: s.ciHighPct,
    weight: s.weight,
    indirect: s.indirect,
  }));
  const pooled =
    row.pooledPct === null
      ? null
      : {
          label: `Pooled${row.indirect ? " (indirect)" : ""}, k = ${row.k}`,
          pct: row.pooledPct,
          lowPct: row.ciLowPct,
          highPct: row.ciHighPct,
        };
  const scale = forestScale([
    ...row.studies.flatMap((s) => [s.overheadPct, s.ciLowPct, s.ciHighPct]),
    row.pooledPct,
    row.ciLowPct,
    row.ciHighPct,
  ]);
  const title = `${runtimeLabel(row.runtime, null, row.variant)}: ${row.category}`;
  return (
    <section aria-label={title} className="mb-8">
      <h2>{title}</h2>
      <ForestPlot caption={<Heterogeneity row={row} />} studies={studies} pooled={pooled} scale={scale} />
    </section>
  );
}

function Heterogeneity({ row }: { row: SynthesisRow }) {
  const parts = [
    row.k === 0
      ? "No study has a variance (each is n = 1), so nothing is pooled: the studies are shown as measured."
      : `${row.k} stud${row.k === 1 ? "y" : "ies"} pooled${row.k === 1 ? ": the pooled value is that study's own" : ""}.`,
    row.i2 !== null && row.tau2 !== null
      ? `I² = ${(row.i2 * 100).toFixed(0)} % of the spread is between studies (τ² = ${row.tau2.toPrecision(2)} on log ratios).`
      : null,
    row.leftOut > 0 ? `${row.leftOut} left out for want of a variance (n = 1).` : null,
    row.indirect ? "Indirect evidence only: no dataset measured this runtime next to the baseline." : null,
  ];
  return <>{parts.filter(Boolean).join(" ")}</>;
}
