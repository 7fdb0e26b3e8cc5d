/**
 * Distinct views of one dataset and host for a load that a cache keyed by URL cannot absorb:
 * each runtime as the baseline, compared with every non-empty subset of the others (7 runtimes:
 * 7 × 63 = 441 permalinks). `base` holds the other parameters (dataset, host, view, asof).
 */
export function viewsInTurn(base: URLSearchParams, runtimes: readonly string[]): string[] {
  const sorted = [...new Set(runtimes)].sort();
  if (sorted.length < 2) throw new Error(`viewsInTurn: needs at least 2 runtimes, got ${sorted.length}`);
  if (sorted.length > 12)
    throw new Error(
      `viewsInTurn: ${sorted.length} runtimes would give ${sorted.length * 2 ** (sorted.length - 1)} permalinks`,
    );
  const permalinks: string[] = [];
  for (const baseline of sorted) {
    const others = sorted.filter((r) => r !== baseline);
    for (let mask = 1; mask < 2 ** others.length; mask++) {
      const chosen = others.filter((_, i) => mask & (1 << i));
      const params = new URLSearchParams(base);
      params.set("baseline", baseline);
      params.set("runtime", [baseline, ...chosen].sort().join(","));
      permalinks.push(params.toString());
    }
  }
  return permalinks;
}
