import { environmentManager } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeQueryClient } from "./query-client";

afterEach(() => {
  environmentManager.setIsServer(() => typeof window === "undefined");
  vi.useRealTimers();
});

/** A query that a render reads and then lets go of, and the timers left pending afterwards. */
function queryLetGo() {
  vi.useFakeTimers();
  const client = makeQueryClient();
  client.setQueryData(["view"], { rows: [] });
  const query = client.getQueryCache().find({ queryKey: ["view"] })!;
  return { query, pendingTimers: vi.getTimerCount() };
}

describe("makeQueryClient", () => {
  it("on the server, leaves no timer that would keep a rendered page alive", () => {
    environmentManager.setIsServer(() => true);
    const { query, pendingTimers } = queryLetGo();
    expect(query.gcTime).toBe(Infinity);
    expect(pendingTimers).toBe(0);
  });

  it("in the browser, drops an unread answer after 5 minutes", () => {
    environmentManager.setIsServer(() => false);
    const { query, pendingTimers } = queryLetGo();
    expect(query.gcTime).toBe(5 * 60_000);
    expect(pendingTimers).toBe(1);
    vi.advanceTimersByTime(5 * 60_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
