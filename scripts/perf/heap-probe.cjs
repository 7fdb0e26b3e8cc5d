// Preloaded into a server by perf:heap (NODE_OPTIONS="--expose-gc --require …"): on SIGUSR2 it
// collects garbage fully and prints what stays alive, on stderr, for perf:heap to read.
process.on("SIGUSR2", () => {
  global.gc();
  global.gc();
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
  console.error(`[heap-probe] ${JSON.stringify({ heapUsed, arrayBuffers, rss })}`);
});
