import { describe, expect, it } from "vitest";
import { resolveGuideCase } from "./case";

describe("resolveGuideCase", () => {
  it("defaults to the first use case and reads built-in ones", () => {
    expect(resolveGuideCase(null, null).useCase.id).toBe("multi-tenant-untrusted");
    expect(resolveGuideCase("databases", null).useCase).toMatchObject({
      id: "databases",
      weights: { database: 3, disk: 2, syscall: 1, memory: 1 },
    });
  });

  it("reads custom weights from the URL", () => {
    expect(resolveGuideCase("custom", "cpu:1,web:3").useCase).toMatchObject({
      id: "custom",
      weights: { cpu: 1, web: 3 },
    });
  });

  it("turns bad or missing custom weights into a notice naming the problem", () => {
    expect(resolveGuideCase("custom", "gpu:2").notices[0]?.message).toMatch(/unknown category "gpu"/);
    expect(resolveGuideCase("custom", null).notices[0]?.message).toMatch(/needs weights/);
  });
});
