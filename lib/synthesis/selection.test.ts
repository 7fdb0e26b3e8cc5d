import { describe, expect, it } from "vitest";
import { loadSynthesisFilters } from "../search-params";
import { resolveSynthesisFilters } from "./selection";

const facets = { runtimes: ["runc", "runsc-ptrace", "firecracker"] };

describe("synthesis filters", () => {
  it("keep known runtimes and categories and name the unknown ones", () => {
    const raw = { runtime: "runsc-ptrace,nope", category: "startup,colour" };
    const { filters, notices } = resolveSynthesisFilters(loadSynthesisFilters(raw), facets, raw);
    expect(filters).toMatchObject({ runtime: ["runsc-ptrace"], category: ["startup"], indirect: 1 });
    expect(notices.map((n) => n.param)).toEqual(["runtime", "category"]);
    expect(notices[0]!.message).toContain('"nope"');
    expect(notices[1]!.message).toContain('"colour"');
  });

  it("read indirect=0, and name an unreadable value that fell back to including indirect evidence", () => {
    expect(resolveSynthesisFilters(loadSynthesisFilters({ indirect: "0" }), facets, { indirect: "0" })).toMatchObject({
      filters: { indirect: 0 },
      notices: [],
    });
    const { filters, notices } = resolveSynthesisFilters(loadSynthesisFilters({ indirect: "yes" }), facets, {
      indirect: "yes",
    });
    expect(filters.indirect).toBe(1);
    expect(notices).toEqual([{ param: "indirect", message: expect.stringContaining('"yes"') }]);
  });
});
