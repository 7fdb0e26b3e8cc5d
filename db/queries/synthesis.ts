import "server-only";
import type { Db } from "@/db/open";
import { getHostFingerprints } from "@/db/queries/host-fingerprints";
import { cacheUntilDataChanges, cacheUntilInputsChange } from "@/db/queries/read-cache";
import { NOTICE_PARAMS, quotedParams, unreadableParams, type Notice, type RawParams } from "@/lib/explore/selection";
import type { SynthesisFilters } from "@/lib/search-params";
import { baselineNotMeasured, resolveSynthesisFilters } from "@/lib/synthesis/selection";
import type { DatasetRows } from "@/lib/synthesis/studies";
import { selectRows, synthesize, type Synthesis } from "@/lib/synthesis/synthesize";
import { listImports } from "./facets";
import { synthesisHost } from "./host-rows";
import { getHostSummary, listDatasetHosts, listDatasets } from "./series";

export interface SynthesisData {
  synthesis: Synthesis;
  /** The filters as applied: unknown runtimes and categories dropped. */
  filters: SynthesisFilters;
  notices: Notice[];
  /** Every runtime measured in some dataset, for the filters' choices. */
  runtimes: string[];
  /** Hosts (dataset and host) read, whether or not they measured the baseline. */
  hosts: number;
  /** The newest import, which a permalink pins when the URL has no `asof`. */
  latestImport: number | null;
}

/**
 * Every runtime against the baseline across all datasets and hosts (lib/synthesis). Cached until
 * the database changes, like every view; treat the result as immutable.
 */
export function getSynthesisData(db: Db, filters: SynthesisFilters, raw: RawParams = {}): Promise<SynthesisData> {
  return cachedSynthesis(db, filters, quotedParams(raw, [...NOTICE_PARAMS, "indirect"]));
}

const cachedSynthesis = cacheUntilDataChanges(readSynthesis, { maxEntries: 32 });

async function readSynthesis(db: Db, asked: SynthesisFilters, raw: RawParams): Promise<SynthesisData> {
  const pooled = await getPooledSynthesis(db, asked.baseline, asked.asof, asked.indirect === 1);
  const { filters, notices } = resolveSynthesisFilters(asked, { runtimes: pooled.runtimes }, raw);
  notices.unshift(...unreadableParams(raw));
  if (pooled.hosts > 0 && !pooled.runtimes.includes(filters.baseline))
    notices.push(baselineNotMeasured(filters.baseline));
  const synthesis = selectRows(pooled.synthesis, { runtimes: filters.runtime, categories: filters.category });
  // Not part of the pooling, which an import that changed no host's data leaves as it was.
  const latestImport = (await listImports(db))[0]?.id ?? null;
  return { ...pooled, synthesis, filters, notices, latestImport };
}

/**
 * Every runtime and category against one baseline, pooled once per import and shared by every
 * runtime and category filter (/, /synthesis, /runtimes/ID, the guide): reading every host is the
 * costly part, and a filter only picks rows. A summary like the hosts' (db/queries/series.ts): kept
 * until some host's data as of `asof` changes, with the view caches off too, so a synthesis view
 * costs its selection and body, and an `asof`-pinned one survives later imports
 * (docs/decisions/016-host-summaries.md).
 */
const getPooledSynthesis = cacheUntilInputsChange("pooled-synthesis", readPooling, {
  maxEntries: 8,
  fingerprint: async (db, _baseline, asof) => (await getHostFingerprints(db, asof)).all,
});

async function readPooling(db: Db, baseline: string, asof: number | null, includeIndirect: boolean) {
  const hosts = await readHosts(db, asof);
  const runtimes = [...new Set(hosts.flatMap((h) => h.runtimes))].sort();
  const synthesis = synthesize(hosts, { baseline, includeIndirect });
  return { synthesis, runtimes, hosts: hosts.length };
}

/** Every host of every dataset as the synthesis reads it: its studies against any reference. */
async function readHosts(db: Db, asof: number | null): Promise<DatasetRows[]> {
  const hosts: DatasetRows[] = [];
  for (const { name: dataset } of await listDatasets(db, asof))
    for (const host of await listDatasetHosts(db, dataset, asof)) {
      const summary = await getHostSummary(db, dataset, host, asof);
      // Each host read is synchronous work; between hosts, requests waiting on the socket get a turn.
      await new Promise((resolve) => setImmediate(resolve));
      hosts.push(synthesisHost(summary, { dataset, host }));
    }
  return hosts;
}
