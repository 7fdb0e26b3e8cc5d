"use client";

import { useQueryStates } from "nuqs";
import { createContext, use, useMemo, type ReactNode } from "react";
import { filterParsers } from "@/lib/search-params";

const exploreQueryOptions = { shallow: false, history: "replace" } as const;
type ExploreQuery = ReturnType<typeof useQueryStates<typeof filterParsers>>;

const ExploreQueryContext = createContext<ExploreQuery | null>(null);

/**
 * One reading of the URL's filters for the whole page: the filter bar that writes them and the
 * views that follow them. Each nuqs hook has its own optimistic copy of the URL, and only the
 * one that wrote a change holds it until the router commits the navigation; another hook can
 * meanwhile read an older URL back (a view from two clicks ago, for a frame or two).
 */
export function ExploreQueryProvider({ children }: { children: ReactNode }) {
  const [query, setFilters] = useQueryStates(filterParsers, exploreQueryOptions);
  const value = useMemo<ExploreQuery>(() => [query, setFilters], [query, setFilters]);
  return <ExploreQueryContext value={value}>{children}</ExploreQueryContext>;
}

/** The URL's filters as the user last set them, and their setter (a change re-renders the page on the server). */
export function useExploreQuery(): ExploreQuery {
  const value = use(ExploreQueryContext);
  if (value === null) throw new Error("useExploreQuery needs an ExploreQueryProvider above it");
  return value;
}
