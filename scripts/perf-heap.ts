/**
 * What a server keeps alive after rendering one page many times: the live heap after a full
 * garbage collection, once settled, after the first render, halfway and after the last. A render
 * that leaves something behind (a timer holding its React stream, say) grows the heap with every
 * one, in the second half as in the first.
 *   npm run perf:heap -- --db /tmp/1m.db [--path '/explore?…'] [--renders 120] [--app-dir .] [--port 3185]
 * The path defaults to bench:perf's typical permalink in /explore. Exits 1 when a render fails.
 */
import { resolve } from "node:path";
import { parseOptions, refuse } from "@/scripts/cli-options";
import { benchFacts, resolveBenchTarget } from "@/scripts/perf/bench-db";
import { startNextServer } from "@/scripts/perf/next-server";
import { int, mb } from "@/scripts/perf/report";
import { waitUntilIdle } from "@/scripts/perf/server-idle";
import { serverMemory } from "@/scripts/perf/server-memory";
import type { RunningServer } from "@/scripts/perf/server-process";

const USAGE =
  "npm run perf:heap -- --db FILE|postgres://… [--path '/explore?…'] [--renders 120] [--app-dir .] [--port 3185]";
const values = parseOptions("perf:heap", USAGE, {
  db: { type: "string" },
  path: { type: "string" },
  renders: { type: "string", default: "120" },
  "app-dir": { type: "string", default: "." },
  port: { type: "string", default: "3185" },
});
const renders = Number(values.renders);
if (!Number.isInteger(renders) || renders < 4) {
  refuse("perf:heap", USAGE, "--renders must be a whole number of at least 4");
}
const target = resolveBenchTarget(values.db);
const path = values.path ?? `/explore?${(await benchFacts(target)).permalink}`;
const base = `http://127.0.0.1:${values.port}`;
const PROBE = "[heap-probe] ";

interface Heap {
  heapUsed: number;
  arrayBuffers: number;
  rss: number;
}

/** Asks the server's probe for its live heap and waits for the answer in its output. */
async function liveHeap(server: RunningServer): Promise<Heap> {
  const seen = server.output().split(PROBE).length;
  const pid = serverMemory(server.groupId)?.pid;
  if (pid === undefined) throw new Error("perf:heap: the server process is gone");
  process.kill(pid, "SIGUSR2");
  for (let waited = 0; waited < 10_000; waited += 50) {
    const parts = server.output().split(PROBE);
    if (parts.length > seen) return JSON.parse(parts[seen]!.split("\n")[0]!) as Heap;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("perf:heap: the server's heap probe did not answer within 10 s");
}

async function render(): Promise<void> {
  const res = await fetch(base + path);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`perf:heap: ${path} answered ${res.status}`);
}

const show = (h: Heap) => `heap ${mb(h.heapUsed)}, array buffers ${mb(h.arrayBuffers)}, RSS ${mb(h.rss)}`;
console.log(`perf:heap, ${new Date().toISOString()}, ${target.label}, ${renders} renders of ${path}`);
const server = await startNextServer({
  name: "next start",
  appDir: resolve(values["app-dir"]),
  port: values.port,
  target,
  env: { NODE_OPTIONS: `--expose-gc --require ${resolve(import.meta.dirname, "perf", "heap-probe.cjs")}` },
});
try {
  await waitUntilIdle(server.groupId);
  console.log(`settled:          ${show(await liveHeap(server))}`);
  // Probed after the first render, halfway and at the end: a leak keeps as much per render in
  // the second half as in the first, caches filling up keep almost nothing in the second.
  const probes: [number, Heap][] = [];
  const half = Math.ceil(renders / 2);
  for (let i = 1; i <= renders; i++) {
    await render();
    if (i === 1 || i === half || i === renders) {
      const heap = await liveHeap(server);
      probes.push([i, heap]);
      console.log(`after ${int(i)} render${i === 1 ? "" : "s"}: ${show(heap)}`);
    }
  }
  const kept = (a: [number, Heap], b: [number, Heap]) =>
    `${((b[1].heapUsed + b[1].arrayBuffers - a[1].heapUsed - a[1].arrayBuffers) / (b[0] - a[0]) / 1000).toFixed(1)} kB`;
  const [first, middle, last] = probes as [[number, Heap], [number, Heap], [number, Heap]];
  console.log(
    `kept per render (heap and array buffers): renders 2-${middle[0]} ${kept(first, middle)}, ` +
      `renders ${middle[0] + 1}-${last[0]} ${kept(middle, last)}`,
  );
} finally {
  await server.stop();
}
