/**
 * The headline metric of a workload, used when no metric is selected: summaries must count
 * each workload once (fio's IOPS and bandwidth give the same ratio; averaging both would
 * weigh disk twice). First match wins.
 */
const PREFERENCE: RegExp[] = [
  /^transactions_per_s$/,
  /^requests_per_s(econd)?$/,
  /^events_per_s$/,
  /^operations_per_s$/,
  /^(read|write|trim)_iops$/,
  /^received_throughput$/,
  /^bandwidth$/,
  /^bogo_ops_per_s_real$/,
  /(^|_)start(up)?_time$/,
  /^boot_time$/,
  /^wall_time$/,
  /^syscall_time$/,
  /^rss_total$/,
  /^host_memory_per_container$/,
  /^rss$/,
  /^rtt_avg$/,
  /^latency_avg$/,
];

/** Picks the headline metric among a workload's metrics (alphabetical first as a fallback). */
export function primaryMetric(metrics: readonly string[]): string | undefined {
  const sorted = [...metrics].sort();
  for (const re of PREFERENCE) {
    const hit = sorted.find((m) => re.test(m));
    if (hit) return hit;
  }
  return sorted[0];
}
