"use client";

import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { narrowView, otherView, type ExploreView } from "@/lib/explore/view";
import { memoizeByObject } from "@/lib/memoize";
import { EXPLORE_VIEW_KEY, exploreViewQuery } from "@/lib/query-options";
import { serializeFilters, type Filters } from "@/lib/search-params";
import { useExploreQuery } from "./explore-query";

/*
 * What /explore keeps in the browser, and the one place that reads it (decision 006).
 *
 * Where: TanStack Query's client (app/providers.tsx), one per tab, kept across client navigations.
 * Keyed by: [EXPLORE_VIEW_KEY, the URL's filters, the newest import the page was served with].
 * Cached: every view the server renders (stored under the filters it was served for), and the
 * other view of the page (the view radio's), fetched from /api/explore-view once the page has
 * shown what its URL asks for 300 ms.
 * Used: until the server answers a change of the URL, by this order: a view of exactly the asked
 * filters; when only runtimes or workloads changed, an overhead view of the same selection in any
 * order, or the overhead view on screen cut to fewer runtimes or workloads; else the view on
 * screen stays (never an older one). The server's view then replaces it, and the object on screen
 * is kept when the two agree, so nothing is drawn twice.
 * Dropped: a view is fresh for 5 minutes (a fetch ahead after that asks again) and removed 5
 * minutes after nothing reads it (lib/query-client.ts); an import changes the key, so views of
 * older data are never reused; a reload drops everything.
 * Not a cache: the hook's state holds the one view last answered (useLastAnswer), because what
 * stays on screen must not be dropped by the cache's timers.
 * Elsewhere: the provenance panel caches samples and raw files under their own keys
 * (lib/query-options.ts) in the same client; the server's read cache is db/queries/read-cache.ts.
 */

/**
 * The view to draw for the filters in the URL, and whether the server has yet to render them
 * (`waiting`: the view may be a stand-in). `served` is the server's view for `servedFor`, the
 * URL's filters as the server parsed them; `latestImport` is the newest import when the page was
 * served. `fetchAhead` is false for a link with warnings, which /api/explore-view answers with a
 * 400, as its other routes do.
 */
export function useExploreView(
  served: ExploreView,
  servedFor: Filters,
  latestImport: number | null,
  fetchAhead: boolean,
): { view: ExploreView; waiting: boolean } {
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
  const { view: shown, answers } = useLastAnswer(
    settled ? { view: served, answers: servedFor } : fetched && { view: fetched, answers: asked },
    { view: served, answers: servedFor },
  );
  const unanswered = !settled && fetched === undefined;
  const stopgap = useMemo(
    () => (unanswered ? stopgapView(queryClient, shown, answers, asked, latestImport) : null),
    [unanswered, queryClient, shown, answers, asked, latestImport],
  );
  return { view: stopgap ?? shown, waiting: !settled };
}

/** How long the page must stay as its URL asks before the other view is fetched: a pause, not a burst of clicks. */
const FETCH_AHEAD_AFTER_MS = 300;

/** A view and the URL's filters it answers. */
interface Answer {
  view: ExploreView;
  answers: Filters;
}

/**
 * The last view that answered the URL (served or fetched): `next` when there is one, else the
 * one before (`first` before any). An object drawn already is kept while `next` has the same content.
 */
function useLastAnswer(next: Answer | undefined, first: Answer): Answer {
  const [last, setLast] = useState(next ?? first);
  if (next === undefined) return last;
  const view = sameView(next.view, last.view) ? last.view : next.view;
  if (view === last.view && serializeFilters(next.answers) === serializeFilters(last.answers)) return last;
  const answer = { view, answers: next.answers };
  setLast(answer);
  return answer;
}

/**
 * While only runtimes or workloads changed: an overhead view of the asked selection held already
 * (the filters in any order), else the overhead view on screen cut to the narrower selection.
 */
function stopgapView(
  queryClient: QueryClient,
  shown: ExploreView,
  shownAnswers: Filters,
  asked: Filters,
  latestImport: number | null,
): ExploreView | null {
  if (!hasRows(shown) || !sameButRuntimesAndWorkloads(asked, shownAnswers)) return null;
  const wanted = selectionKey({ ...shown.filters, runtime: asked.runtime, workload: asked.workload });
  for (const [key, view] of queryClient.getQueriesData<ExploreView>({ queryKey: [EXPLORE_VIEW_KEY] }))
    if (view !== undefined && key[2] === latestImport && hasRows(view) && selectionKey(view.filters) === wanted)
      return view;
  return narrowView(shown, asked);
}

const hasRows = (view: ExploreView) => view.body.kind === "overhead" && view.body.columns.runtime.length > 0;

const sameButRuntimesAndWorkloads = (a: Filters, b: Filters) =>
  serializeFilters({ ...a, runtime: [], workload: [] }) === serializeFilters({ ...b, runtime: [], workload: [] });

/** A resolved selection with its runtimes and workloads in any order: views with the same rows. */
const selectionKey = (f: Filters) =>
  serializeFilters({ ...f, runtime: [...f.runtime].sort(), workload: [...f.workload].sort() });

const json = memoizeByObject((value: object) => JSON.stringify(value));

/** Same content: views of other filters are taken to differ without comparing their rows. */
const sameView = (a: ExploreView, b: ExploreView) =>
  a === b || (serializeFilters(a.filters) === serializeFilters(b.filters) && json(a) === json(b));
