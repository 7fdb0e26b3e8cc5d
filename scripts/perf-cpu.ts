/**
 * The server's CPU per request under load, for comparing builds or settings: each build's
 * `next start` on the same database, loaded in interleaved rounds (A, B, A, B…) so that the
 * machine's drift falls on both alike. Prints every round: requests, CPU time of the server's
 * process group per request (from /proc), p50 and p99, RSS, load average; then each build's medians.
 *   npm run perf:cpu -- --db /tmp/1m.db [--app-dir A --app-dir B] [--load turn|permalink]
 *     [--rounds 3] [--duration 10] [--connections 16] [--read-cache on|off] [--port 3180]
 * `turn` is bench:perf's 441 permalinks in turn, `permalink` its typical permalink. `--bare` adds a
 * server that runs the route's own view code behind bare node:http (scripts/perf/bare-server.ts):
 * what Next.js's request pipeline adds to each request.
 */
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseOptions, refuse } from "@/scripts/cli-options";
import { benchFacts, envFor, resolveBenchTarget } from "@/scripts/perf/bench-db";
import { hasWrk, runLoad } from "@/scripts/perf/load";
import { startNextServer } from "@/scripts/perf/next-server";
import { median } from "@/scripts/perf/percentile";
import { int, mb, ms } from "@/scripts/perf/report";
import { groupCpuSeconds, waitUntilIdle } from "@/scripts/perf/server-idle";
import { serverMemory } from "@/scripts/perf/server-memory";
import { startServer, type RunningServer } from "@/scripts/perf/server-process";

const USAGE = `npm run perf:cpu -- --db FILE|postgres://… [--app-dir DIR ...] [--load turn|permalink] [--rounds 3]
  [--duration 10] [--connections 16] [--read-cache on|off] [--port 3180] [--bare]`;
const values = parseOptions("perf:cpu", USAGE, {
  db: { type: "string" },
  "app-dir": { type: "string", multiple: true, default: ["."] },
  load: { type: "string", default: "turn" },
  rounds: { type: "string", default: "3" },
  duration: { type: "string", default: "10" },
  connections: { type: "string", default: "16" },
  "read-cache": { type: "string", default: "on" },
  port: { type: "string", default: "3180" },
  bare: { type: "boolean", default: false },
});
if (!["turn", "permalink"].includes(values.load) || !["on", "off"].includes(values["read-cache"])) {
  refuse("perf:cpu", USAGE, "--load is turn or permalink, --read-cache on or off");
}
const ROOT = resolve(import.meta.dirname, "..");
const target = resolveBenchTarget(values.db);
const durationS = Number(values.duration);
const connections = Number(values.connections);
const client = hasWrk() ? "wrk" : "autocannon";

const facts = await benchFacts(target);
const paths =
  values.load === "turn" ? facts.views.map((v) => `/api/overhead?${v}`) : [`/api/overhead?${facts.permalink}`];
console.log(
  `perf:cpu, ${new Date().toISOString()}, ${target.label}: ${int(facts.database.samples)} samples; ` +
    `${paths.length} permalink${paths.length === 1 ? "" : "s"}, ${connections} connections, ${durationS} s rounds, read cache ${values["read-cache"]}, ${client}`,
);

const servers: { name: string; server: RunningServer; base: string; cpuPerRequest: number[]; p99: number[] }[] = [];
try {
  const started = (name: string, what: string, port: number, server: RunningServer) => {
    servers.push({ name, server, base: `http://127.0.0.1:${port}`, cpuPerRequest: [], p99: [] });
    console.log(`${name}: ${what}`);
  };
  const env = { HVSCOPE_READ_CACHE: values["read-cache"] };
  for (const [i, appDir] of values["app-dir"].entries()) {
    const port = Number(values.port) + i;
    const server = await startNextServer({
      name: `next start in ${appDir}`,
      appDir: resolve(appDir),
      port,
      target,
      env,
    });
    started(String.fromCharCode(65 + i), `next start in ${resolve(appDir)}`, port, server);
  }
  if (values.bare) {
    const port = Number(values.port) + values["app-dir"].length;
    const server = await startServer({
      name: "bare server",
      command: process.execPath,
      args: ["--conditions", "react-server", "--import", "tsx", "scripts/perf/bare-server.ts", "--port", String(port)],
      cwd: ROOT,
      env: { ...envFor(target), ...env, NODE_ENV: "production" },
      readyUrl: `http://127.0.0.1:${port}/health`,
      timeoutMs: 60_000,
    });
    started("bare", "the route's view code behind bare node:http (scripts/perf/bare-server.ts)", port, server);
  }
  for (const s of servers) {
    await waitUntilIdle(s.server.groupId);
    // Unmeasured: JIT compilation and the first computation of every view.
    await runLoad(
      paths.map((p) => s.base + p),
      { connections, durationS: 3, client },
    );
  }
  for (let round = 1; round <= Number(values.rounds); round++)
    for (const s of servers) {
      const before = groupCpuSeconds(s.server.groupId);
      const r = await runLoad(
        paths.map((p) => s.base + p),
        { connections, durationS, client },
      );
      const cpuMs = ((groupCpuSeconds(s.server.groupId) - before) * 1000) / r.ok;
      s.cpuPerRequest.push(cpuMs);
      s.p99.push(r.p99Ms);
      console.log(
        `${s.name} round ${round}: ${int(r.ok)} requests (${r.non2xx + r.errors} failed), ${cpuMs.toFixed(3)} ms of CPU per request, ` +
          `p50 ${ms(r.p50Ms)}, p99 ${ms(r.p99Ms)}, RSS ${mb(serverMemory(s.server.groupId)?.rssBytes)}, load ${loadavg()[0]!.toFixed(2)}`,
      );
    }
  for (const s of servers)
    console.log(
      `${s.name} medians: ${median(s.cpuPerRequest).toFixed(3)} ms of CPU per request, p99 ${ms(median(s.p99))}`,
    );
} finally {
  await Promise.all(servers.map((s) => s.server.stop()));
}
