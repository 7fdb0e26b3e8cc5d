import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { wrkParser } from "@/lib/parsers/wrk";
import { median } from "./percentile";

export interface LoadResult {
  p50Ms: number;
  p99Ms: number;
  /** Successful (2xx) responses per second over the whole run. */
  rps: number;
  ok: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
}

/**
 * The load generator. wrk is C and needs a fraction of the CPU that autocannon (JS) spends
 * parsing responses; on a 2-core machine that shares its cores with the server, a lighter
 * client measures more of the server and less of itself. Both run the same closed loop.
 */
export type LoadClient = "wrk" | "autocannon";

/** Whether wrk is installed (`apt-get install wrk`). */
export const hasWrk = (): boolean => spawnSync("wrk", ["-v"]).error === undefined;

/**
 * Closed-loop load: `connections` clients each send the next request when the previous one
 * answers, for `durationS` seconds. Requests still in flight at the end are not counted, so a
 * server slower than the run shows few completions rather than none. Several URLs (one origin)
 * are requested in turn, so a cache keyed by URL sees each one only every `urls.length` requests.
 */
export async function runLoad(
  urls: string | readonly string[],
  {
    connections,
    durationS,
    client,
    headers = {},
  }: { connections: number; durationS: number; client: LoadClient; headers?: Readonly<Record<string, string>> },
): Promise<LoadResult> {
  const list = typeof urls === "string" ? [urls] : urls;
  const parsed = list.map((u) => new URL(u));
  if (list.length === 0) throw new Error("runLoad: no URL");
  for (const [i, u] of parsed.entries())
    if (u.protocol !== "http:" || u.hostname !== "127.0.0.1" || u.origin !== parsed[0]!.origin)
      throw new Error(`load only against one loopback origin (http://127.0.0.1), not ${list[i]}`);
  const paths = parsed.map((u) => `${u.pathname}${u.search}`);
  const timeoutS = Math.max(30, durationS * 2);
  if (client === "wrk") {
    // One thread: wrk's event loop keeps 16 connections busy with little CPU (docs/performance.md).
    const args = [
      "-t1",
      `-c${connections}`,
      `-d${durationS}s`,
      "--latency",
      `--timeout=${timeoutS}s`,
      ...Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    ];
    if (paths.length === 1) return fromWrkReport((await promisify(execFile)("wrk", [...args, list[0]!])).stdout);
    const dir = mkdtempSync(join(tmpdir(), "hvscope-wrk-"));
    try {
      writeFileSync(join(dir, "paths.lua"), wrkRotation(paths));
      return fromWrkReport(
        (await promisify(execFile)("wrk", [...args, "-s", join(dir, "paths.lua"), parsed[0]!.origin])).stdout,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const r = await autocannon({
    url: parsed[0]!.origin,
    requests: paths.map((path) => ({ method: "GET", path, headers: { ...headers } })),
    connections,
    duration: durationS,
    timeout: timeoutS,
  });
  return {
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    rps: r["2xx"] / r.duration,
    ok: r["2xx"],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/**
 * Several runs of one load as one result: the median run's p50, p99 and requests/s (each
 * statistic's own median), and every run's counts added up. On a shared VM a burst of other
 * work can double one run's tail; the median of runs says what the server does, and the
 * runs stay in `runs` to be printed beside it. Pooling the runs' latencies would instead
 * let one burst set the p99 of all of them.
 */
export function medianOfRuns(runs: readonly LoadResult[]): LoadResult & { runs: readonly LoadResult[] } {
  if (runs.length === 0) throw new Error("medianOfRuns: no runs");
  const mid = (pick: (r: LoadResult) => number) => median(runs.map(pick));
  const sum = (pick: (r: LoadResult) => number) => runs.reduce((total, r) => total + pick(r), 0);
  return {
    p50Ms: mid((r) => r.p50Ms),
    p99Ms: mid((r) => r.p99Ms),
    rps: mid((r) => r.rps),
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    runs,
  };
}

/** A wrk script requesting `paths` in turn (one wrk thread, so one turn for all connections). */
export function wrkRotation(paths: readonly string[]): string {
  for (const p of paths) if (!/^\/[\x21-\x7e]*$/.test(p)) throw new Error(`not a printable ASCII path: ${p}`);
  return [
    "local paths = {",
    ...paths.map((p) => `  "${p.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}",`),
    "}",
    "local i = 0",
    "request = function()",
    "  i = i % #paths + 1",
    '  return wrk.format("GET", paths[i])',
    "end",
    "",
  ].join("\n");
}

/** A `wrk --latency` report as a LoadResult, read by the same parser that imports wrk outputs. */
export function fromWrkReport(report: string): LoadResult {
  const metrics = new Map(wrkParser.parse(report, { fileName: "wrk.txt" }).samples.map((s) => [s.metric, s.value]));
  const metric = (name: string) => {
    const value = metrics.get(name);
    if (value === undefined) throw new Error(`wrk report without ${name} (was --latency given?):\n${report}`);
    return value;
  };
  const total = /^\s+(\d+) requests in ([\d.]+)(us|ms|s|m)/m.exec(report);
  if (!total) throw new Error(`wrk report without its "N requests in T" line:\n${report}`);
  const non2xx = metric("non_2xx_responses");
  const timeouts = metric("socket_errors_timeout");
  const errors =
    metric("socket_errors_connect") + metric("socket_errors_read") + metric("socket_errors_write") + timeouts;
  const ok = Number(total[1]) - non2xx;
  // Requests/sec counts every response; the other clients' figure is 2xx per second.
  const rps = (metric("requests_per_s") * ok) / Math.max(1, Number(total[1]));
  return { p50Ms: metric("latency_p50") / 1e6, p99Ms: metric("latency_p99") / 1e6, rps, ok, non2xx, errors, timeouts };
}

/** Latency of single requests one after another (no queueing): what one user waits. */
export async function sequentialLatency(url: string, count: number): Promise<{ ms: number[]; body: unknown }> {
  const ms: number[] = [];
  let body: unknown;
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const res = await fetch(url);
    const text = await res.text();
    ms.push(performance.now() - t);
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
    body = JSON.parse(text);
  }
  return { ms, body };
}
