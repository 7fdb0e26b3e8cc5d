/**
 * Load test on loopback: `next start` against a temp database of real fixture copies, then
 * autocannon for 60 s at 64 connections, half on a typical /api/overhead permalink and half on
 * the same /explore view, after a 10 s warm-up at the same load. Prints requests, errors (must be
 * 0), latency p50/p99 per URL and the server's RSS sampled every 5 s (first, last, max).
 *   npm run test:load -- [--duration 60] [--connections 64] [--warmup 10] [--files 2000] [--build] [--db postgres://…]
 * With --db or DATABASE_URL naming a PostgreSQL server, the database is a throwaway one created
 * there and dropped at the end (the role needs CREATEDB); otherwise a temp SQLite file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { openStore } from "@/db/store";
import { writeLoadCorpus } from "./reliability/test-corpora";
import { onInterrupt, reliabilityServer, rethrowUnlessInterrupted, throwawayDatabases } from "./reliability/databases";
import { ensureBuild, freePort, startServer, stopServers } from "./reliability/server";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "64" },
    warmup: { type: "string", default: "10" },
    files: { type: "string", default: "2000" },
    build: { type: "boolean", default: false },
    db: { type: "string" },
  },
});
const [duration, connections, warmup, files] = [
  Number(values.duration),
  Number(values.connections),
  Number(values.warmup),
  Number(values.files),
];
if (!(duration > 0 && connections >= 2 && warmup >= 0 && files > 0))
  throw new Error("--duration and --files must be positive, --warmup not negative, --connections at least 2");

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const dbServer = reliabilityServer(values.db);
ensureBuild({ rebuild: values.build, log: (line) => console.log(`load: ${line}`) });
const dir = mkdtempSync(join(tmpdir(), "hvscope-load-"));
const databases = throwawayDatabases(dbServer, dir, "load");
let stopServer = async () => {};
onInterrupt(async () => {
  await stopServers();
  await databases.dropAll();
  rmSync(dir, { recursive: true, force: true });
});
try {
  writeLoadCorpus(join(dir, "corpus"), files);
  const db = await databases.fresh("hvscope");
  const store = await openStore(db);
  const summary = await store.importPaths([join(dir, "corpus")]).finally(() => store.close());
  console.log(`load: database of ${summary.imported} files, ${summary.samples} samples, in ${databases.where}`);

  const server = await startServer(db, await freePort());
  stopServer = server.stop;
  // A "Copy link" permalink: every value spelled out, pinned to the import. load-0 is the corpus's
  // first dataset, so it exists and is complete whatever --files is (load-3 needed ~1,000 files).
  const view = `dataset=load-0&host=host-0&runtime=runc,runsc-ptrace,kata-qemu&baseline=runc&view=overhead&asof=${summary.importId}`;
  const urls = [`${server.url}/api/overhead?${view}`, `${server.url}/explore?${view}`];
  for (const url of urls) {
    const res = await fetch(url);
    if (res.status !== 200)
      throw new Error(`${url} answers ${res.status} before the test: ${(await res.text()).slice(0, 300)}`);
  }
  // The server saturates one core at this load and rendering /explore interleaves with every other
  // request, so a few pages wait many seconds (see the p99): 60 s before a request counts as failed.
  const cannons = (seconds: number) =>
    Promise.all(urls.map((url) => autocannon({ url, connections: connections / 2, duration: seconds, timeout: 60 })));
  const idle = server.rssBytes();
  // A cold server compiles and caches on its first requests; measure the steady state after that.
  if (warmup > 0) await cannons(warmup);
  const rss: number[] = [server.rssBytes()];
  const sampler = setInterval(() => rss.push(server.rssBytes()), 5000);
  const results = await cannons(duration);
  clearInterval(sampler);
  rss.push(server.rssBytes());

  let errors = 0;
  for (const [i, r] of results.entries()) {
    const failed = r.errors + r.timeouts + r.non2xx;
    errors += failed;
    console.log(
      `load: ${urls[i]!.replace(server.url, "")}\n  ${r.requests.total} requests (${(r.requests.total / duration).toFixed(1)}/s), ` +
        `${failed} errors (${r.errors} socket, ${r.timeouts} timeouts, ${r.non2xx} non-2xx), latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`,
    );
  }
  const total = results.reduce((n, r) => n + r.requests.total, 0);
  console.log(`load: ${total} requests in ${duration} s at ${connections} connections, ${errors} errors`);
  console.log(
    `load: server RSS idle ${mib(idle)}; every 5 s after the warm-up: first ${mib(rss[0]!)}, last ${mib(rss.at(-1)!)}, max ${mib(Math.max(...rss))} (${rss.map(mib).join(", ")})`,
  );
  if (errors > 0) process.exitCode = 1;
} catch (e) {
  rethrowUnlessInterrupted(e);
} finally {
  await stopServer();
  await databases.dropAll();
  rmSync(dir, { recursive: true, force: true });
}
