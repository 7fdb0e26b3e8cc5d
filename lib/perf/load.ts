import { execFile } from "node:child_process";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { wrkParser } from "@/lib/parsers/wrk";

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

/**
 * Closed-loop load on one URL: `connections` clients each send the next request when the
 * previous one answers, for `durationS` seconds. Requests still in flight at the end are
 * not counted, so a server slower than the run shows few completions rather than none.
 */
export async function runLoad(url: string, { connections, durationS, client }: { connections: number; durationS: number; client: LoadClient }): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1[:/]/.test(url)) throw new Error(`load only against loopback (http://127.0.0.1), not ${url}`);
  const timeoutS = Math.max(30, durationS * 2);
  if (client === "wrk") {
    // One thread: wrk's event loop keeps 16 connections busy with a few percent of a core.
    const { stdout } = await promisify(execFile)("wrk", ["-t1", `-c${connections}`, `-d${durationS}s`, "--latency", `--timeout=${timeoutS}s`, url]);
    return fromWrkReport(stdout);
  }
  const r = await autocannon({ url, connections, duration: durationS, timeout: timeoutS });
  return { p50Ms: r.latency.p50, p99Ms: r.latency.p99, rps: r["2xx"] / r.duration, ok: r["2xx"], non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts };
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
  const errors = metric("socket_errors_connect") + metric("socket_errors_read") + metric("socket_errors_write") + timeouts;
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
