import { QueryClient } from "@tanstack/react-query";

/** Stored files never change once imported, so drill-down answers stay fresh for a long time. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 5 * 60_000, retry: 1 } } });
}
