import type { SelectedExploreData } from "@/db/queries/explore";
import { cachedJsonResponse, handle } from "@/lib/http/responses";
import { memoizeByObject } from "@/lib/memoize";
import { overheadBytes } from "@/lib/overhead/json-body";
import { exploreDataForRequest } from "../_lib/explore-request";

export const dynamic = "force-dynamic";

/**
 * Bodies of cached views (db/queries/read-cache.ts): serialising a view's rows costs more than the
 * rest of a cached request (docs/performance.md).
 */
const bodyOf = memoizeByObject((data: SelectedExploreData) => overheadBytes(data.selection, data.table.rows));

export const GET = handle("overhead", async (request) => {
  const data = await exploreDataForRequest(request);
  if (data instanceof Response) return data;
  return cachedJsonResponse(bodyOf(data));
});
