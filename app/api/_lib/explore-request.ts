import { db } from "@/db";
import { getExploreData, type ExploreData } from "@/db/queries/explore";
import { readApiFilters } from "@/lib/api-params";
import { badRequest } from "@/lib/http";
import type { Selection } from "@/lib/selection";

/**
 * The view behind an API request's permalink parameters, or the 400 that answers it: a notice
 * (an unknown or unreadable value), or nothing imported yet. `data` is the read cache's own
 * object (db/read-cache.ts), so routes may key their own caches on it.
 */
export async function exploreDataForRequest(request: Request): Promise<{ data: ExploreData; selection: Selection } | Response> {
  const { filters, raw } = readApiFilters(request);
  const data = await getExploreData(db, filters, raw);
  if (data.notices.length > 0) return badRequest(data.notices.map((n) => n.message).join(" "), data.notices);
  if (!data.selection) return badRequest("no data has been imported yet");
  return { data, selection: data.selection };
}
