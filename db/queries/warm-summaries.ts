import "server-only";
import type { Db } from "@/db/open";
import { dataVersion } from "@/db/queries/read-cache";
import { getSynthesisData } from "@/db/queries/synthesis";
import { loadSynthesisFilters } from "@/lib/search-params";

/** How often the server looks for an import committed by another process (a cheap PRAGMA). */
const CHECK_EVERY_MS = 1000;

/**
 * Pools the default synthesis ahead of requests: once when the
 * server starts, then after each import it notices, so no request waits for data it does not
 * show (docs/decisions/016-host-summaries.md). The pooling reads stored studies, and the summaries
 * of hosts whose studies are not stored yet, which it then stores
 * (docs/decisions/019-bounded-synthesis-inputs.md). No view's host summary is read ahead: reading one
 * holds the event loop for a second at 10M samples, and a view reads its host on first use.
 * Returns a function that stops it.
 */
export function keepSummariesWarm(db: Db, log: (line: string) => void = console.log): () => void {
  let warmed: string | null = null;
  let running = false;
  let lastPooled: unknown = null;
  const warm = async () => {
    const version = dataVersion(db);
    if (running || version === warmed) return;
    running = true;
    const started = performance.now();
    try {
      // The pooling reads every host's stored studies, and the summaries only of hosts not stored yet.
      const data = await getSynthesisData(db, loadSynthesisFilters(new URLSearchParams()));
      const { hosts, computedHosts } = data;
      // Storing studies is a commit too (on SQLite): the next check finds the same pooling, and says nothing.
      if (data.synthesis === lastPooled) return;
      lastPooled = data.synthesis;
      log(
        `[summaries] ${hosts} hosts and the default synthesis ready in ${Math.round(performance.now() - started)} ms ` +
          `(${computedHosts} read from their summaries, the rest from stored studies)`,
      );
    } catch (e) {
      log(`[summaries] reading ahead failed; requests will read what they need: ${String(e)}`);
    } finally {
      warmed = version; // after a failure too: tried again at the next import, not every second
      running = false;
    }
  };
  void warm();
  const timer = setInterval(() => void warm(), CHECK_EVERY_MS).unref();
  return () => clearInterval(timer);
}
