import { db } from "@/db";
import { getExploreData, hasSelection, type SelectedExploreData } from "@/db/queries/explore";
import { blockingNotices, unknownParams } from "@/lib/explore/selection";
import { readApiFilters } from "@/lib/http/api-params";
import { badRequest, warningsResponse } from "@/lib/http/responses";

/**
 * The view behind an API request's permalink parameters, or the 400 that answers it: a warning
 * (an unknown or unreadable value) about a parameter the route uses, or nothing imported yet.
 * A parameter name outside the URL contract (and the route's `extraParams`) is a warning too.
 * Runtime aliases (`gvisor`) are read as their canonical ids (lib/search-params.ts), which the body names.
 * Quiet notes (a reference baseline chosen for a dataset without runc) are no error: the body's
 * `baseline` says which runtime the rows compare against.
 * The view is the read cache's own object (db/queries/read-cache.ts), so routes may key their
 * own caches on it.
 */
export async function exploreDataForRequest(
  request: Request,
  { unusedParams = [], extraParams = [] }: { unusedParams?: readonly string[]; extraParams?: readonly string[] } = {},
): Promise<SelectedExploreData | Response> {
  const { filters, raw } = readApiFilters(request);
  const data = await getExploreData(db, filters, raw);
  const blocking = [...unknownParams(raw, extraParams), ...blockingNotices(data.notices, unusedParams)];
  if (blocking.length > 0) return warningsResponse(blocking);
  if (!hasSelection(data)) return badRequest("no data has been imported yet");
  return data;
}
