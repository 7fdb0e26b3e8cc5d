import { formatChange, runtimeLabel } from "../format";
import type { OverheadRow } from "../overhead/rows";

export interface Finding {
  text: string;
  row: OverheadRow;
}

/** "needs 10× the time of runc", "gets 60 % of runc's throughput": ratio words by direction. */
function ratioPhrase(row: OverheadRow, baseline: string): string {
  const costRatio = 1 + row.overheadPct / 100;
  const base = runtimeLabel(baseline);
  if (row.direction === "lower") {
    return costRatio >= 1
      ? `needs ${times(costRatio)} the ${row.metric} of ${base}`
      : `needs ${pctOf(costRatio)} of the ${row.metric} of ${base}`;
  }
  const valueRatio = 1 / costRatio;
  return valueRatio >= 1
    ? `reaches ${times(valueRatio)} the ${row.metric} of ${base}`
    : `reaches only ${pctOf(valueRatio)} of the ${row.metric} of ${base}`;
}

const times = (r: number) => `${r >= 10 ? Math.round(r) : Number(r.toPrecision(2))}×`;
const pctOf = (r: number) => `${Number((r * 100).toPrecision(2))} %`;

/**
 * Plain-words headlines from the largest effects (by |log ratio|): one per runtime series and
 * at most two per workload, so one dominant workload does not fill the list. Each states n,
 * so a single sample is never mistaken for a trend.
 */
export function headlineFindings(rows: readonly OverheadRow[], baseline: string, limit = 5): Finding[] {
  const seen = new Set<string>();
  const perWorkload = new Map<string, number>();
  const ordered = [...rows].sort(
    (a, b) => Math.abs(Math.log1p(b.overheadPct / 100)) - Math.abs(Math.log1p(a.overheadPct / 100)),
  );
  const out: Finding[] = [];
  for (const row of ordered) {
    const key = `${row.runtime}|${row.version}|${row.variant}`;
    if (seen.has(key) || (perWorkload.get(row.workload) ?? 0) >= 2) continue;
    seen.add(key);
    perWorkload.set(row.workload, (perWorkload.get(row.workload) ?? 0) + 1);
    const n = row.n === row.baselineN ? `n = ${row.n}` : `n = ${row.n} vs ${row.baselineN}`;
    out.push({
      text: `${runtimeLabel(row.runtime, row.version, row.variant)} ${ratioPhrase(row, baseline)} on ${row.workload}: ${formatChange(row)}, ${n}.`,
      row,
    });
    if (out.length === limit) break;
  }
  return out;
}
