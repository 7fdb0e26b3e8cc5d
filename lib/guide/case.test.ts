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

  it("adds the capabilities the URL requires to the case's own, once each", () => {
    const web = resolveGuideCase("web-services", null, ["gpu", "kubernetes", "gpu"]);
    expect(web.useCase.requires).toEqual(["kubernetes", "gpu"]);
    expect(web.useCase.requiredByUrl).toEqual(["gpu"]);
    expect(web.notices).toEqual([]);
    expect(resolveGuideCase("custom", "cpu:1", ["snapshot"]).useCase).toMatchObject({
      id: "custom",
      requires: ["snapshot"],
    });
  });

  it("ignores unknown requirements with a notice naming them and the choices", () => {
    const { useCase, notices } = resolveGuideCase("serverless", null, ["gpu", "tpu"]);
    expect(useCase.requires).toEqual(["gpu"]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ param: "require" });
    expect(notices[0]!.message).toMatch(/unknown requirement "tpu"; a case can require gpu \(GPU and accelerators\)/);
  });

  it("says on the serverless case that cold-boot numbers do not measure snapshot restores", () => {
    expect(resolveGuideCase("serverless", null).useCase.caveat).toMatch(/restore .*snapshots.*cold-boot/);
  });
});
