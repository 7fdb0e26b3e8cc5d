"use client";

import { useMemo } from "react";
import type { ExploreView } from "@/lib/explore/view";
import type { Filters } from "@/lib/search-params";
import { AbsoluteSection } from "./absolute-section";
import { BaselineMissing } from "./baseline-missing";
import { OverheadSection } from "./overhead-section";
import { useExploreView } from "./use-explore-view";

export interface ExploreViewsProps {
  /** The view the server rendered for `servedFor`, the URL's filters as the server parsed them. */
  served: ExploreView;
  servedFor: Filters;
  /** The newest import when the page was served: views fetched ahead belong to it. */
  latestImport: number | null;
  /** Whether to fetch the other view ahead of a click: not for a link with warnings (the API's 400s). */
  fetchAhead: boolean;
}

/** The overhead or absolute view of /explore, whichever the URL asks for (use-explore-view.ts). */
export function ExploreViews({ served, servedFor, latestImport, fetchAhead }: ExploreViewsProps) {
  const { view, waiting } = useExploreView(served, servedFor, latestImport, fetchAhead);
  // The same element while the view is the same object: the server's copy of a view drawn
  // from a fetched one re-renders nothing.
  const body = useMemo(() => <ViewBody view={view} />, [view]);
  return <div aria-busy={waiting}>{body}</div>;
}

function ViewBody({ view: { filters, body } }: { view: ExploreView }) {
  switch (body.kind) {
    case "baseline-missing":
      return <BaselineMissing runtimes={body.runtimes} filters={filters} />;
    case "overhead":
      return <OverheadSection columns={body.columns} skipped={body.skipped} filters={filters} />;
    case "absolute":
      return <AbsoluteSection series={body.series} totalPanels={body.totalPanels} filters={filters} />;
  }
}
