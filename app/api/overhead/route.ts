import { cachedJsonResponse, handle } from "@/lib/http/responses";
import { viewBodyBytes } from "@/lib/overhead/json-body";
import { exploreDataForRequest } from "../_lib/explore-request";

export const dynamic = "force-dynamic";

export const GET = handle("overhead", async (request) => {
  const data = await exploreDataForRequest(request);
  if (data instanceof Response) return data;
  return cachedJsonResponse(viewBodyBytes(data));
});
