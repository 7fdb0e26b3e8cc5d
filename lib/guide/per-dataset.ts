import type { SynthesisRow } from "../synthesis/synthesize";

export interface DatasetHost {
  dataset: string;
  host: string;
}

/**
 * Where the synthesis mode's switch to one dataset leads: the largest dataset whose direct
 * studies show it measured the baseline, on its host with the most of them. Null when none did.
 */
export function largestDatasetWithBaseline(
  rows: readonly SynthesisRow[],
  datasetsBySize: readonly string[],
): DatasetHost | null {
  const studiesByHost = new Map<string, DatasetHost & { studies: number }>();
  for (const s of rows.flatMap((r) => r.studies))
    if (!s.indirect) {
      const key = JSON.stringify([s.dataset, s.host]);
      const seen = studiesByHost.get(key) ?? { dataset: s.dataset, host: s.host, studies: 0 };
      studiesByHost.set(key, { ...seen, studies: seen.studies + 1 });
    }
  for (const dataset of datasetsBySize) {
    const hosts = [...studiesByHost.values()].filter((h) => h.dataset === dataset);
    if (hosts.length > 0) {
      const best = hosts.reduce((a, b) => (b.studies > a.studies ? b : a));
      return { dataset: best.dataset, host: best.host };
    }
  }
  return null;
}
