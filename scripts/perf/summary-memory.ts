/**
 * What the server's read-ahead (db/queries/warm-summaries.ts) costs on one database: the time to
 * read host summaries and to pool the default synthesis (from stored studies where the database
 * has them: npm run db:migrate), and the heap each holds afterwards
 * (issue 24's scaling question: does it stay within 1 GB and 2 s as data grows?). Opens the file
 * read-only. Run under the `react-server` condition (the queries import `server-only`):
 *   node --expose-gc --conditions react-server --import tsx scripts/perf/summary-memory.ts --db FILE
 */
import { parseArgs } from "node:util";
import { openDb } from "@/db/open";
import { getHostSummary, listDatasetHosts, listDatasets } from "@/db/queries/series";
import { getSynthesisData } from "@/db/queries/synthesis";
import { loadSynthesisFilters } from "@/lib/search-params";
import { int, mb, ms } from "@/scripts/perf/report";

const { values } = parseArgs({ options: { db: { type: "string" } } });
if (!values.db) throw new Error("--db FILE is required");
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc, so the heap is measured after a full collection");
/** About 35 MB of summaries, well within the 256 MB the server keeps by default (db/queries/series.ts), so none is dropped while measured. */
const KEPT_HOSTS = 100;

const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const conn = openDb(values.db, { readonly: true });
try {
  const hosts: [string, string][] = [];
  for (const { name } of await listDatasets(conn.db, null))
    for (const host of await listDatasetHosts(conn.db, name, null)) hosts.push([name, host]);
  const before = heap();
  const sample = hosts.slice(0, KEPT_HOSTS);
  let series = 0;
  /** Series at their workload's headline metric, all runtimes: what the synthesis reads of a host. */
  let headline = 0;
  const kept = [];
  let t = performance.now();
  for (const [dataset, host] of sample) {
    const summary = await getHostSummary(conn.db, dataset, host, null);
    series += summary.size;
    kept.push(summary);
  }
  const readMs = performance.now() - t;
  const summariesBytes = heap() - before;
  // After the heap is measured: selecting makes objects for the series it returns.
  for (const summary of kept)
    headline += summary.select({ runtimes: [], workloads: [], metric: null, baseline: "" }).length;
  console.log(
    `${values.db}: ${int(hosts.length)} hosts (dataset and host); the first ${sample.length} read in ${ms(readMs)} ` +
      `(${ms(readMs / sample.length)} each, ${int(series / sample.length)} series each), ` +
      `${int(headline / sample.length)} of them at headline metrics (what the synthesis uses), ` +
      `${mb(summariesBytes)} of heap (${(summariesBytes / sample.length / 1e6).toFixed(2)} MB per host, ${(summariesBytes / series).toFixed(0)} bytes per series)`,
  );
  kept.length = 0;
  const beforeSynthesis = heap();
  t = performance.now();
  const { hosts: pooled, computedHosts } = await getSynthesisData(conn.db, loadSynthesisFilters(new URLSearchParams()));
  const synthesisMs = performance.now() - t;
  const synthesisBytes = heap() - beforeSynthesis;
  console.log(
    `then the default synthesis, as the read-ahead makes it (stored studies; ${int(computedHosts)} of ${int(pooled)} hosts read from their summaries, ` +
      `and not stored: the file is open read-only): ${ms(synthesisMs)}; ` +
      `heap held afterwards ${mb(heap())} (${mb(synthesisBytes)} more)`,
  );
  // RSS beyond the live heap is what reading left behind: heap pages V8 keeps, and freed native memory.
  const m = process.memoryUsage();
  console.log(
    `process RSS ${mb(m.rss)}: V8 heap ${mb(m.heapTotal)} reserved, ${mb(m.heapUsed)} live; native (external) ${mb(m.external)}`,
  );
} finally {
  conn.close();
}
