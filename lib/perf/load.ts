import autocannon from "autocannon";

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
 * Closed-loop load on one URL: `connections` clients each send the next request when the
 * previous one answers, for `durationS` seconds. Requests still in flight at the end are
 * not counted, so a server slower than the run shows few completions rather than none.
 */
export async function runLoad(url: string, { connections, durationS }: { connections: number; durationS: number }): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1[:/]/.test(url)) throw new Error(`load only against loopback (http://127.0.0.1), not ${url}`);
  const r = await autocannon({ url, connections, duration: durationS, timeout: Math.max(30, durationS * 2) });
  return { p50Ms: r.latency.p50, p99Ms: r.latency.p99, rps: r["2xx"] / r.duration, ok: r["2xx"], non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts };
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
