import { environmentManager, QueryClient } from "@tanstack/react-query";

/**
 * Stored files never change once imported, so answers stay fresh for a long time. In the browser
 * they are dropped 5 minutes after nothing reads them (TanStack's default, spelled out: /explore
 * relies on it). On the server each render has a client of its own and no drop timer, as TanStack
 * does by default: a 5-minute timer kept every rendered page alive for those 5 minutes
 * (docs/performance.md, "A page render kept alive by a query's timer").
 */
export function makeQueryClient(): QueryClient {
  const gcTime = environmentManager.isServer() ? Infinity : 5 * 60_000;
  return new QueryClient({ defaultOptions: { queries: { staleTime: 5 * 60_000, gcTime, retry: 1 } } });
}
