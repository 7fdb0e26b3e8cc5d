import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { stallAfterMs } from "./crash";

describe("stallAfterMs", () => {
  it("is a timeout execFileSync accepts, whatever the reference's fractional duration", () => {
    // The duration that broke CI: a slow machine's reference import into PostgreSQL.
    const ms = stallAfterMs(6370.468140999999);
    expect(ms).toBe(63_705);
    expect(() => execFileSync("true", { timeout: ms })).not.toThrow();
  });

  it("waits at least a minute after a quick reference", () => {
    expect(stallAfterMs(120.5)).toBe(60_000);
  });
});
