"use client";

import { useMemo } from "react";
import { narrowRows } from "@/lib/explore/rows";
import type { Filters } from "@/lib/search-params";
import { useExploreQuery } from "./explore-query";

type Row = { runtime: string; workload: string };

/** Rows of views served earlier, per view, so going back to one shows it at once. */
const served = new Map<string, Row[]>();
const SERVED_VIEWS = 16;

const viewKey = (f: Pick<Filters, "runtime" | "workload">, base: string) =>
  JSON.stringify([base, [...f.runtime].sort(), [...f.workload].sort()]);

/**
 * The rows for the runtime and workload filters in the URL, before the server has answered a
 * change: a view served earlier is shown again at once, and a narrower one (fewer runtimes or
 * workloads) is filtered from the rows on the page. The server's rows replace them when they
 * arrive, and anything else (another dataset, baseline, metric...) waits for the server.
 * `view` is the served view's resolved filters; hydration shows exactly its rows.
 */
export function useRowsForUrl<R extends Row>(rows: R[], view: Filters): R[] {
  const [asked] = useExploreQuery();
  // Everything but the runtime and workload filters: rows never carry over between bases.
  const base = JSON.stringify([view.dataset, view.host, view.baseline, view.metric, view.asof, view.view]);
  const servedKey = viewKey(view, base);
  const askedKey = viewKey(asked, base);
  // Browser only: on the server this module is shared by every request.
  const browser = typeof window !== "undefined";
  if (browser && served.get(servedKey) !== rows) {
    served.delete(servedKey);
    served.set(servedKey, rows);
    if (served.size > SERVED_VIEWS) served.delete(served.keys().next().value!);
  }
  return useMemo(() => {
    if (askedKey === servedKey || !browser) return rows;
    const earlier = served.get(askedKey);
    if (earlier) return earlier as R[];
    return narrowRows(rows, view, asked) ?? rows;
  }, [rows, askedKey, servedKey, asked, view, browser]);
}
