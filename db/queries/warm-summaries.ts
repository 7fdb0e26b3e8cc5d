import "server-only";
import type { Db } from "@/db/open";
import { dataVersion } from "@/db/queries/read-cache";
import { getSynthesisData } from "@/db/queries/synthesis";
import { loadSynthesisFilters } from "@/lib/search-params";

/** How often the server looks for an import committed by another process (a cheap PRAGMA). */
const CHECK_EVERY_MS = 1000;

/**
 * Reads every host's summary and pools the default synthesis ahead of requests: once when the
 * server starts, then after each import it notices, so no request waits for data it does not
 * show (docs/decisions/016-host-summaries.md). Only hosts whose data changed are read again.
 * Returns a function that stops it.
 */
export function keepSummariesWarm(db: Db, log: (line: string) => void = console.log): () => void {
  let warmed: string | null = null;
  let running = false;
  const warm = async () => {
    const version = dataVersion(db);
    if (running || version === warmed) return;
    running = true;
    const started = performance.now();
    try {
      // The pooling reads every host of every dataset, which is also every view's host summary.
      const { hosts } = await getSynthesisData(db, loadSynthesisFilters(new URLSearchParams()));
      log(
        `[summaries] ${hosts} hosts and the default synthesis ready in ${Math.round(performance.now() - started)} ms`,
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
