import { queryOptions } from "@tanstack/react-query";
import type { SourceFileDetail } from "@/db/queries/provenance";
import type { ExploreView } from "./explore/view";
import { serializeFilters, type Filters } from "./search-params";

export interface SampleRow {
  runtime: string;
  version: string | null;
  variant: string | null;
  workload: string;
  metric: string;
  unit: string;
  repetition: number;
  value: number;
  runId: number;
  provenance: string;
  sourceFile: string;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${url}: HTTP ${res.status}`);
  return body;
}

/** Samples behind one table row or bar; the key is the parsed filters (never a raw string). */
export const samplesQuery = (filters: Filters) =>
  queryOptions({
    queryKey: ["samples", filters],
    queryFn: () => getJson<{ samples: SampleRow[] }>(serializeFilters("/api/samples", filters)),
  });

export type SourceFileJson = Omit<SourceFileDetail, "importedAt" | "startedAt"> & {
  importedAt: string;
  startedAt: string | null;
};

export const provenanceQuery = (sourceFileId: number) =>
  queryOptions({
    queryKey: ["provenance", sourceFileId],
    queryFn: () => getJson<SourceFileJson>(`/api/provenance/${sourceFileId}`),
  });

export const EXPLORE_VIEW_KEY = "explore-view";

/**
 * The view /explore shows for some filters (app/explore/_components/use-explore-view.ts says how
 * it is kept). The key holds the latest import the page knew of, so a view fetched before an
 * import is never reused for a page served after it.
 */
export const exploreViewQuery = (filters: Filters, latestImport: number | null) =>
  queryOptions({
    queryKey: [EXPLORE_VIEW_KEY, filters, latestImport],
    queryFn: () => getJson<ExploreView>(serializeFilters("/api/explore-view", filters)),
  });
