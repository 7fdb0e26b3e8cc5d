import { QueryClient } from "@tanstack/react-query";

/**
 * Stored files never change once imported, so answers stay fresh for a long time. They are
 * dropped 5 minutes after nothing reads them (TanStack's default, spelled out: /explore relies on it).
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 5 * 60_000, gcTime: 5 * 60_000, retry: 1 } } });
}
