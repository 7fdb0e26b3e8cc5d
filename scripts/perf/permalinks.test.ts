import { describe, expect, it } from "vitest";
import { loadFilters } from "@/lib/search-params";
import { viewsInTurn } from "./permalinks";

describe("viewsInTurn", () => {
  const base = new URLSearchParams({ dataset: "d", host: "h", view: "overhead", asof: "56" });

  it("gives each runtime as baseline with every non-empty subset of the others, all distinct", () => {
    const links = viewsInTurn(base, ["runc", "crun", "runsc-ptrace"]);
    expect(links).toHaveLength(3 * 3);
    expect(new Set(links).size).toBe(links.length);
    const views = links.map((l) => loadFilters(new URLSearchParams(l)));
    for (const v of views) {
      expect(v.runtime).toContain(v.baseline);
      expect(v.runtime.length).toBeGreaterThanOrEqual(2);
      expect([v.dataset, v.host, v.view, v.asof]).toEqual(["d", "h", "overhead", 56]);
    }
    expect(views.filter((v) => v.baseline === "crun").map((v) => v.runtime)).toEqual([
      ["crun", "runc"],
      ["crun", "runsc-ptrace"],
      ["crun", "runc", "runsc-ptrace"],
    ]);
  });

  it("refuses too few or too many runtimes", () => {
    expect(() => viewsInTurn(base, ["runc", "runc"])).toThrow(/at least 2 runtimes/);
    expect(() =>
      viewsInTurn(
        base,
        Array.from({ length: 13 }, (_, i) => `r${i}`),
      ),
    ).toThrow(/permalinks/);
  });
});
