import "server-only";
import { redirect } from "next/navigation";
import { unknownParams, type Notice, type RawParams } from "@/lib/explore/selection";
import { canonicalQuery } from "@/lib/search-params";

/**
 * What every page that reads the URL contract does first: a link naming runtimes by an alias
 * (`?runtime=gvisor`) is redirected to the same link with canonical ids, so the address bar,
 * copied links and the filters all agree; names outside the contract come back as notices.
 */
export function checkLink(pathname: string, raw: RawParams): Notice[] {
  const canonical = canonicalQuery(raw);
  if (canonical !== null) redirect(`${pathname}${canonical}`);
  return unknownParams(raw);
}
