import { db } from "@/db";
import { getExploreData } from "@/db/queries/explore";
import { getExploreView } from "@/db/queries/explore-view";
import { readApiFilters } from "@/lib/api-params";
import { badRequest, handle } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The view /explore would show for these filters (lib/explore-view.ts): the page fetches the other view ahead of a click. */
export const GET = handle("explore-view", async (request) => {
  const { filters, raw } = readApiFilters(request);
  const data = await getExploreData(db, filters, raw);
  if (data.notices.length > 0) return badRequest(data.notices.map((n) => n.message).join(" "), data.notices);
  if (!data.selection) return badRequest("no data has been imported yet");
  return Response.json(await getExploreView(db, { ...data, selection: data.selection }));
});
