import { loadFilters, type Filters } from "../search-params";

/**
 * Reads the permalink parameters of an API request, with the raw values that
 * getExploreData checks for unreadable ones.
 */
export function readApiFilters(request: Request): { filters: Filters; raw: Record<string, string> } {
  const url = new URL(request.url);
  return { filters: loadFilters(url.searchParams), raw: Object.fromEntries(url.searchParams.entries()) };
}
