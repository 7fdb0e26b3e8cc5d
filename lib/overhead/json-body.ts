import { memoizeByObject } from "../memoize";
import type { OverheadRow } from "./rows";

type View = { dataset: string; host: string; baseline: string; asof: number | null };

/**
 * ASCII only, minus sign included: one non-ASCII character makes V8 build the whole body as a
 * two-byte string, slower to stringify and to encode (docs/performance.md).
 */
const METHOD =
  "overhead = ratio of geometric means of cost (1/value when higher is better) - 1; 95 % Welch t interval on log values";

/**
 * The body of GET /api/overhead (README, "JSON API"), also built by bench:perf's minimal server
 * (scripts/perf/overhead-query.ts), so the floor serialises exactly what the route does. Rows are
 * built field by field: the order of the keys is part of the response, and a rest copy
 * (`{ seriesId, ...row }`) is slow per row (docs/performance.md).
 */
export function overheadBody(view: View, rows: readonly OverheadRow[]) {
  return { ...envelope(view), rows: rows.map(bodyRow) };
}

/**
 * overheadBody as JSON text, each row's text kept for as long as the row: views share row
 * objects (db/queries/explore.ts memoises them per series pair), so a view computed for the
 * first time mostly joins texts already made.
 */
export function overheadJson(view: View, rows: readonly OverheadRow[]): string {
  const head = JSON.stringify(envelope(view));
  return `${head.slice(0, -1)},"rows":[${rows.map(rowJson).join(",")}]}`;
}

const rowJson = memoizeByObject((row: OverheadRow) => JSON.stringify(bodyRow(row)));

const encoder = new TextEncoder();
const rowBytes = memoizeByObject((row: OverheadRow) => encoder.encode(rowJson(row)));
const COMMA = ",".charCodeAt(0);
const END = encoder.encode("]}");

/**
 * overheadJson as UTF-8 bytes, copied together from each row's bytes (kept for as long as the
 * row): a view's 160 kB body as one string went to V8's large-object space, an old-generation
 * allocation for every view computed (docs/performance.md).
 */
export function overheadBytes(view: View, rows: readonly OverheadRow[]): Uint8Array {
  const head = encoder.encode(`${JSON.stringify(envelope(view)).slice(0, -1)},"rows":[`);
  const parts = rows.map(rowBytes);
  const commas = Math.max(parts.length - 1, 0);
  const body = new Uint8Array(parts.reduce((sum, p) => sum + p.length, head.length + commas + END.length));
  body.set(head);
  let at = head.length;
  for (const [i, p] of parts.entries()) {
    if (i > 0) body[at++] = COMMA;
    body.set(p, at);
    at += p.length;
  }
  body.set(END, at);
  return body;
}

/**
 * A view's body as bytes, made once per view object: the read cache hands out the same object for
 * as long as it keeps the view (db/queries/read-cache.ts), and serialising its rows costs more
 * than the rest of a cached request (docs/performance.md).
 */
export const viewBodyBytes = memoizeByObject((view: { selection: View; table: { rows: readonly OverheadRow[] } }) =>
  overheadBytes(view.selection, view.table.rows),
);

const envelope = (view: View) => ({
  dataset: view.dataset,
  host: view.host,
  baseline: view.baseline,
  asof: view.asof,
  method: METHOD,
});

function bodyRow(r: OverheadRow) {
  return {
    runtime: r.runtime,
    version: r.version,
    variant: r.variant,
    workload: r.workload,
    category: r.category,
    metric: r.metric,
    unit: r.unit,
    direction: r.direction,
    n: r.n,
    baselineN: r.baselineN,
    mean: r.mean,
    sd: r.sd,
    baselineMean: r.baselineMean,
    overheadPct: r.overheadPct,
    ciLowPct: r.ciLowPct,
    ciHighPct: r.ciHighPct,
  };
}
