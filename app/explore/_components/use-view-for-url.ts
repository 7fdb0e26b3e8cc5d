"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { otherView, type ExploreView } from "@/lib/explore/view";
import { memoizeByObject } from "@/lib/memoize";
import { exploreViewQuery } from "@/lib/query-options";
import { serializeFilters, type Filters } from "@/lib/search-params";
import { useExploreQuery } from "./explore-query";

/**
 * The view for the filters in the URL. The server renders every change (the filter bar's
 * navigation); until it answers, a view of exactly these filters that the browser already
 * holds shows at once: one served earlier, or the one the view radio would switch to, which
 * is fetched once the page has shown what its URL asks for a moment, so the switch needs no
 * round trip.
 * Without either, the view on screen stays until the server answers (never an older one: a
 * navigation can commit after a held view was shown). The server's view replaces what is
 * shown when it arrives, and keeps it (the same object) when they agree, so nothing is drawn
 * twice.
 * `served` is the server's view for `servedFor`, the URL's filters as the server parsed them;
 * `latestImport` keys held views to the data the page was served from. `fetchAhead` is false
 * for a link with warnings, which /api/explore-view answers with a 400, as its other routes do.
 */
export function useViewForUrl(
  served: ExploreView,
  servedFor: Filters,
  latestImport: number | null,
  fetchAhead: boolean,
): ExploreView {
  const [asked] = useExploreQuery();
  const settled = serializeFilters(asked) === serializeFilters(servedFor);
  const queryClient = useQueryClient();
  useEffect(() => {
    queryClient.setQueryData(exploreViewQuery(servedFor, latestImport).queryKey, served);
  }, [served, servedFor, latestImport, queryClient]);
  useEffect(() => {
    if (!settled || !fetchAhead) return;
    // Only once the page has been still for a moment: in a burst of filter changes each would
    // start a fetch, and each would take the server's one thread from the next change.
    const timer = setTimeout(
      () =>
        void queryClient.prefetchQuery(
          exploreViewQuery({ ...servedFor, view: otherView(servedFor.view) }, latestImport),
        ),
      FETCH_AHEAD_AFTER_MS,
    );
    return () => clearTimeout(timer);
  }, [settled, fetchAhead, servedFor, latestImport, queryClient]);
  // Never fetches: only reads (and follows) what was stored above.
  const { data: fetched } = useQuery({ ...exploreViewQuery(asked, latestImport), enabled: false });
  return useShownView(settled ? served : fetched, served);
}

/** How long the page must stay as its URL asks before the other view is fetched: a pause, not a burst of clicks. */
const FETCH_AHEAD_AFTER_MS = 300;

const json = memoizeByObject((value: object) => JSON.stringify(value));

/** Same content: views of other filters are taken to differ without comparing their rows. */
const sameView = (a: ExploreView, b: ExploreView) =>
  a === b || (serializeFilters(a.filters) === serializeFilters(b.filters) && json(a) === json(b));

/**
 * The view to draw: `next` when there is one, else the one drawn last (`first` before any).
 * An object drawn already is kept while `next` has the same content.
 */
function useShownView(next: ExploreView | undefined, first: ExploreView): ExploreView {
  const [shown, setShown] = useState(next ?? first);
  const same = next === undefined || sameView(next, shown);
  if (!same) setShown(next);
  return same ? shown : next;
}
