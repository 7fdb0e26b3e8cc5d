/**
 * The floor for GET /api/overhead: the same sample query as db/queries/measurements.ts (the
 * join of db/sample-context.ts, written out) and the same summary functions, without the
 * framework, the ORM or the facet queries. bench:perf compares the real route against it.
 */
import type Database from "better-sqlite3";
import { keepPrimaryMetrics, toOverheadRows, toSeries, type Measurement } from "@/lib/overhead-rows";

export interface OverheadQuery {
  dataset: string;
  host: string;
  baseline: string;
  runtimes: string[];
  workloads: string[];
  metric: string | null;
  asof: number | null;
}

const list = (v: string | null) => (v ? v.split(",").filter((s) => s !== "") : []);

/** The permalink parameters this floor understands; dataset and host must be explicit. */
export function parseOverheadQuery(params: URLSearchParams): OverheadQuery {
  const dataset = params.get("dataset");
  const host = params.get("host");
  if (!dataset || !host) throw new Error("dataset and host are required");
  const asof = params.get("asof");
  if (asof !== null && !/^\d+$/.test(asof)) throw new Error(`"asof" must be an import id, got "${asof}"`);
  return {
    dataset,
    host,
    baseline: params.get("baseline") || "runc",
    runtimes: list(params.get("runtime")),
    workloads: list(params.get("workload")),
    metric: params.get("metric") || null,
    asof: asof === null ? null : Number(asof),
  };
}

/** SQL text and parameters; the text depends only on which filters are set and list lengths. */
export function measurementSql(q: OverheadQuery): { sql: string; params: (string | number)[] } {
  const where = ["d.name = ?", "h.name = ?"];
  const params: (string | number)[] = [q.dataset, q.host];
  if (q.runtimes.length > 0) {
    const ids = [...new Set([...q.runtimes, q.baseline])];
    where.push(`r.runtime_id IN (${ids.map(() => "?").join(", ")})`);
    params.push(...ids);
  }
  if (q.workloads.length > 0) {
    where.push(`w.name IN (${q.workloads.map(() => "?").join(", ")})`);
    params.push(...q.workloads);
  }
  if (q.metric !== null) {
    where.push("m.name = ?");
    params.push(q.metric);
  }
  if (q.asof !== null) {
    where.push("f.import_id <= ?");
    params.push(q.asof);
  }
  const sql = `SELECT r.id AS runId, r.source_file_id AS sourceFileId, r.runtime_id AS runtime, r.runtime_version AS version,
      r.runtime_variant AS variant, w.name AS workload, w.category AS category, m.name AS metric, m.unit AS unit,
      m.direction AS direction, r.repetition AS repetition, s.value AS value
    FROM samples s
    JOIN runs r ON s.run_id = r.id
    JOIN metrics m ON s.metric_id = m.id
    JOIN workloads w ON r.workload_id = w.id
    JOIN datasets d ON r.dataset_id = d.id
    JOIN hosts h ON r.host_id = h.id
    JOIN source_files f ON r.source_file_id = f.id
    WHERE ${where.join(" AND ")}
    ORDER BY r.runtime_id, w.name, m.name, r.repetition`;
  return { sql, params };
}

/** Runs the query (statements cached by SQL text) and builds the API's response body. */
export function overheadResponse(client: Database.Database, cache: Map<string, Database.Statement>, q: OverheadQuery) {
  const { sql, params } = measurementSql(q);
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = client.prepare(sql)));
  const rows = stmt.all(...params) as Measurement[];
  const table = toOverheadRows(toSeries(keepPrimaryMetrics(rows, q.metric)), q.baseline);
  return {
    dataset: q.dataset,
    host: q.host,
    baseline: q.baseline,
    asof: q.asof,
    rows: table.rows.map(({ overhead: _o, ...row }) => row),
  };
}
