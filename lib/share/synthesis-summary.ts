import { formatInterval, formatOverhead, runtimeLabel } from "../format";
import type { SynthesisRow } from "../synthesis/synthesize";

const logRatio = (pct: number) => Math.abs(Math.log(1 + pct / 100));

/**
 * A synthesis view in words for link previews: the pooled row that differs most from the baseline
 * (largest |log ratio|, pooled rows only), with k and its interval.
 */
export function summarizeSynthesis(
  baseline: string,
  rows: readonly Pick<
    SynthesisRow,
    "runtime" | "variant" | "category" | "k" | "pooledPct" | "ciLowPct" | "ciHighPct"
  >[],
  asof: number | null,
): { title: string; description: string } {
  const against = `against ${runtimeLabel(baseline)} across datasets`;
  const pooled = rows.filter((r) => r.k > 0 && r.pooledPct !== null);
  const top = [...pooled].sort((a, b) => logRatio(b.pooledPct!) - logRatio(a.pooledPct!))[0];
  const data = asof === null ? "latest import" : `as of import #${asof}`;
  if (!top)
    return {
      title: `Runtimes ${against}`,
      description: `No runtime and category has a pooled value ${against} (${data}).`,
    };
  const interval =
    top.ciLowPct === null || top.ciHighPct === null
      ? "no interval"
      : `95 % ${formatInterval(top.ciLowPct, top.ciHighPct, top.k, top.k)}`;
  return {
    title: `${runtimeLabel(top.runtime, null, top.variant)} ${against}: ${top.category} ${formatOverhead(top.pooledPct!)} (k = ${top.k}, ${interval})`,
    description:
      `${pooled.length} of ${rows.length} runtime and category rows pooled by random effects from the studies ` +
      `${against}; the largest difference is shown. Data: ${data}.`,
  };
}
