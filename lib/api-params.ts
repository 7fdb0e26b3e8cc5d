import { loadFilters, type Filters } from "./search-params";
import { unreadableParams, type Notice } from "./selection";

/** Reads the permalink parameters of an API request; unreadable ones become notices. */
export function readApiFilters(request: Request): { filters: Filters; raw: Record<string, string>; notices: Notice[] } {
  const url = new URL(request.url);
  const raw = Object.fromEntries(url.searchParams.entries());
  return { filters: loadFilters(url.searchParams), raw, notices: unreadableParams(raw) };
}
