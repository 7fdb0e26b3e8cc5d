import { describe, expect, it } from "vitest";
import { readFixture } from "@/lib/parsers/fixtures";
import { fromWrkReport } from "./load";

// Real wrk reports (lib/parsers/__fixtures__/wrk/commands.md has the commands); values copied from them.
describe("fromWrkReport", () => {
  it("reads a `wrk --latency` report as the bench's load result", () => {
    const r = fromWrkReport(readFixture("wrk", "nginx-t2-c16-latency.txt"));
    expect(r.p50Ms).toBeCloseTo(0.526, 9);
    expect(r.p99Ms).toBeCloseTo(41.92, 9);
    expect(r.ok).toBe(70662);
    expect(r.rps).toBeCloseTo(23328.95, 6);
    expect([r.non2xx, r.errors, r.timeouts]).toEqual([0, 0, 0]);
  });

  it("counts only 2xx responses as served, as autocannon's figure does", () => {
    const r = fromWrkReport(readFixture("wrk", "nginx-404-latency.txt"));
    expect([r.ok, r.non2xx, r.rps]).toEqual([0, 94010, 0]);
  });

  it("adds the socket errors up", () => {
    const r = fromWrkReport(readFixture("wrk", "nginx-t2-c300-errors-latency.txt"));
    expect([r.ok, r.errors, r.timeouts]).toEqual([63925, 493, 0]);
    expect(r.p99Ms).toBeCloseTo(363.06, 9);
  });

  it("refuses a report without the latency distribution", () => {
    expect(() => fromWrkReport(readFixture("wrk", "nginx-t2-c16.txt"))).toThrow(/latency_p50 \(was --latency given\?\)/);
  });
});
