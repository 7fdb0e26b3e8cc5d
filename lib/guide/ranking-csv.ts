import type { Category } from "../categories";
import { toCsv } from "../csv";
import { percentsOf } from "../overhead/ratio";
import { evidenceMarkers } from "./evidence-notes";
import type { RankedEntry } from "./ranked";
import type { SynthesisRanked } from "./synthesis-ranking";

const OVERALL_COLUMNS = ["runtime", "isolation", "overheadPct", "ciLowPct", "ciHighPct"] as const;

function overallRow(r: RankedEntry) {
  return { runtime: r.label, isolation: r.isolation, ...percentsOf(r.overhead) };
}

/** The per-dataset ranking as the trade-off chart's CSV: one line per runtime. */
export function rankingCsv(ranked: readonly RankedEntry[]): string {
  return toCsv(OVERALL_COLUMNS, ranked.map(overallRow));
}

/**
 * The synthesis ranking's CSV: the overall columns, the categories lacking, and per weighted
 * category its value, k, how it was reached and the datasets counted in it.
 */
export function synthesisRankingCsv(ranked: readonly SynthesisRanked[], weighted: readonly Category[]): string {
  const perCategory = weighted.flatMap((c) => [`${c}Pct`, `${c}K`, `${c}Evidence`, `${c}Datasets`]);
  const rows = ranked.map((r) => {
    const row: Record<string, string | number | null> = { ...overallRow(r), missing: r.missing.join(" ") };
    for (const e of r.evidence) {
      row[`${e.category}Pct`] = e.cell.overheadPct;
      row[`${e.category}K`] = e.cell.k;
      row[`${e.category}Evidence`] = [e.cell.pooled ? "pooled" : null, ...evidenceMarkers(e)]
        .filter(Boolean)
        .join("; ");
      row[`${e.category}Datasets`] = [...new Set(e.sources.filter((s) => s.counted).map((s) => s.dataset))].join(" ");
    }
    return row;
  });
  return toCsv([...OVERALL_COLUMNS, "missing", ...perCategory], rows);
}
