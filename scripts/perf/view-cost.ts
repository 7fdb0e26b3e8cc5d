/**
 * What one view costs when the read cache does not hold it (issue 24's "441 permalinks in turn"),
 * in one process, without HTTP: the route's own data function and body for each of bench:perf's
 * permalinks in turn, then each stage alone from the kept host summary. Run under the
 * `react-server` export condition (the query modules import `server-only`):
 *   node --conditions react-server --import tsx scripts/perf/view-cost.ts --db FILE
 */
import { parseArgs } from "node:util";
import { openDb } from "@/db/open";
import { getExploreData, hasSelection, type SelectedExploreData } from "@/db/queries/explore";
import { pairRow, statsOf } from "@/db/queries/host-rows";
import { getHostSummary } from "@/db/queries/series";
import { readApiFilters } from "@/lib/http/api-params";
import { overheadBytes } from "@/lib/overhead/json-body";
import { toOverheadRows } from "@/lib/overhead/rows";
import { benchFacts } from "@/scripts/perf/bench-db";
import { median } from "@/scripts/perf/percentile";

const { values } = parseArgs({ options: { db: { type: "string" }, rounds: { type: "string", default: "12" } } });
if (!values.db) throw new Error("--db FILE is required");
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 3)
  throw new Error(`--rounds must be an integer of at least 3, not ${values.rounds}`);
const { views: permalinks } = await benchFacts({ kind: "sqlite", path: values.db, label: values.db });
const requests = permalinks.map((p) => new Request(`http://localhost/api/overhead?${p}`));
const conn = openDb(values.db, { readonly: true });
const views: SelectedExploreData[] = [];
/** Per view, µs: the read cache on (it holds fewer views than these, so each is computed) and off (lists read too). */
const whole = { on: [] as number[], off: [] as number[] };
for (const cache of ["on", "off"] as const) {
  process.env.HVSCOPE_READ_CACHE = cache;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const request of requests) {
      const { filters, raw } = readApiFilters(request);
      const data = await getExploreData(conn.db, filters, raw);
      if (!hasSelection(data)) throw new Error(`no view for ${request.url}`);
      overheadBytes(data.selection, data.table.rows);
      if (views.length < requests.length) views.push(data);
    }
    whole[cache].push(((performance.now() - started) / requests.length) * 1000);
  }
}
const { dataset, host, asof } = views[0]!.selection;
const summary = await getHostSummary(conn.db, dataset, host, asof);
const selections = views.map((v) => v.selection);
const selected = selections.map((s) => summary.select(s).map(statsOf));
const tables = selections.map((s, i) => toOverheadRows(selected[i]!, s.baseline, pairRow).rows);
const stages: [string, (i: number) => unknown][] = [
  ["select from the host summary", (i) => summary.select(selections[i]!).map(statsOf)],
  ["overhead rows (and their order)", (i) => toOverheadRows(selected[i]!, selections[i]!.baseline, pairRow)],
  ["body bytes", (i) => overheadBytes(selections[i]!, tables[i]!)],
];
console.log(
  `${values.db}: ${requests.length} permalinks in turn (${dataset}, ${host}), µs per view, median of rounds 3-${rounds}`,
);
console.log(`  the route's data and body, read cache on  ${fmt(whole.on)}`);
console.log(`  the same, read cache off                 ${fmt(whole.off)}`);
for (const [name, stage] of stages) {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let i = 0; i < selections.length; i++) stage(i);
    times.push(((performance.now() - started) / selections.length) * 1000);
  }
  console.log(`    ${name.padEnd(37)}${fmt(times)}`);
}
conn.close();

/** The median after the first two rounds (module loading and JIT), then every round. */
function fmt(times: number[]) {
  return `${median(times.slice(2)).toFixed(0).padStart(5)}   (${times.map((t) => t.toFixed(0)).join(" ")})`;
}
