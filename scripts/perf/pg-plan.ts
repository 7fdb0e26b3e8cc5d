/**
 * The full scans and sorts of a PostgreSQL plan (EXPLAIN's text format, one line per row), each
 * with its table or key, as bench:perf prints SQLite's SCAN lines.
 */
export function pgPlanScans(plan: readonly string[]): string[] {
  return plan
    .map((line) => line.replace(/^[\s\->]+/, "").replace(/\s+\(cost=.*$/, ""))
    .filter((node) => /^(Parallel )?Seq Scan|^Sort\b|^Sort Key|^Incremental Sort/.test(node));
}
