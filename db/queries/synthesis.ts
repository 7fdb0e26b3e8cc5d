import "server-only";
import type { Db } from "@/db/open";
import { getHostFingerprints, hostKey } from "@/db/queries/host-fingerprints";
import { loadStudies, type HostName, type LoadedHost } from "@/db/queries/host-studies";
import { cacheUntilDataChanges, cacheUntilInputsChange } from "@/db/queries/read-cache";
import { NOTICE_PARAMS, quotedParams, unreadableParams, type Notice, type RawParams } from "@/lib/explore/selection";
import type { SynthesisFilters } from "@/lib/search-params";
import { baselineNotMeasured, resolveSynthesisFilters } from "@/lib/synthesis/selection";
import type { DatasetRows } from "@/lib/synthesis/studies";
import { selectRows, synthesize, type Synthesis } from "@/lib/synthesis/synthesize";
import { newestImportId } from "./facets";
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
  /** Of those, hosts whose studies were not stored and were read from their summaries when pooled. */
  computedHosts: number;
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
  const latestImport = await newestImportId(db);
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

/** The pooling uncached (tests compare it from computed and from stored studies). */
export async function readPooling(db: Db, baseline: string, asof: number | null, includeIndirect: boolean) {
  const { hosts, work } = await readHosts(db, baseline, asof, includeIndirect);
  const runtimes = [...new Set(hosts.flatMap((h) => h.runtimes))].sort();
  const synthesis = synthesize(hosts, { baseline, includeIndirect });
  return { synthesis, runtimes, hosts: hosts.length, computedHosts: work.computedHosts };
}

/**
 * Every host of every dataset as the synthesis reads it: its studies against the baseline and, for
 * indirect evidence, against every runtime of the hosts that lack the baseline (the bridges are
 * among them). Stored studies at the hosts' fingerprints are read with one query per phase; a host
 * not stored is read from its summary once and stored (db/queries/host-studies.ts).
 */
async function readHosts(db: Db, baseline: string, asof: number | null, includeIndirect: boolean) {
  const names: HostName[] = [];
  for (const { name: dataset } of await listDatasets(db, asof))
    for (const host of await listDatasetHosts(db, dataset, asof)) names.push({ dataset, host });
  const fingerprints = await getHostFingerprints(db, asof);
  // Unpinned, the hosts computed are those an import changed (or never stored): their older rows go.
  const options = { readSummary: (h: HostName) => getHostSummary(db, h.dataset, h.host, asof), prune: asof === null };
  const loaded = new Map<string, LoadedHost>();
  const work = await loadStudies(db, fingerprints, names, [baseline], loaded, options);
  if (includeIndirect) {
    const lacking = names.map((h) => loaded.get(hostKey(h.dataset, h.host))!).filter((h) => !h.against.get(baseline));
    const bridges = [...new Set(lacking.flatMap((h) => h.runtimes))];
    const more = await loadStudies(db, fingerprints, lacking, bridges, loaded, options);
    work.computedHosts += more.computedHosts;
  }
  const hosts = names.map((h) => asDatasetRows(loaded.get(hostKey(h.dataset, h.host))!));
  return { hosts, work };
}

function asDatasetRows({ dataset, host, runtimes, against }: LoadedHost): DatasetRows {
  return {
    dataset,
    host,
    runtimes,
    studiesAgainst(reference) {
      const studies = against.get(reference);
      if (studies === undefined) throw new Error(`${dataset}/${host}: studies against ${reference} were not loaded`);
      return studies;
    },
  };
}
