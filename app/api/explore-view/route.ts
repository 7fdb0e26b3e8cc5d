import { db } from "@/db";
import { getExploreView } from "@/db/queries/explore-view";
import { handle } from "@/lib/http/responses";
import { exploreDataForRequest } from "../_lib/explore-request";

export const dynamic = "force-dynamic";

/** The view /explore would show for these filters (lib/explore/view.ts): the page fetches the other view ahead of a click. */
export const GET = handle("explore-view", async (request) => {
  const data = await exploreDataForRequest(request);
  if (data instanceof Response) return data;
  return Response.json(await getExploreView(db, data));
});
