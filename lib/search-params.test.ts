import { describe, expect, it } from "vitest";
import { loadFilters, serializeFilters, serializePermalink, type Filters } from "./search-params";

const full: Filters = {
  dataset: "gvisor-website",
  host: "gce-n1-standard-4",
  runtime: ["runc", "runsc-ptrace"],
  workload: ["tmpfs fio.randread", "crictl run pod, serial"],
  metric: "bandwidth",
  baseline: "runc",
  view: "absolute",
  asof: 3,
  case: "custom",
  weights: "cpu:1,disk:2",
  require: ["gpu", "kubernetes"],
};

describe("URL contract", () => {
  it("round-trips every filter, commas inside names included", () => {
    const url = serializeFilters("/explore", full);
    expect(loadFilters(new URL(url, "http://x").searchParams)).toEqual(full);
  });

  it("leaves defaults out of ordinary URLs but writes them into permalinks", () => {
    const defaults: Filters = {
      ...full,
      baseline: "runc",
      view: "overhead",
      runtime: [],
      workload: [],
      dataset: null,
      host: null,
      metric: null,
      asof: null,
      case: null,
      weights: null,
      require: null,
    };
    expect(serializeFilters("/explore", defaults)).toBe("/explore");
    expect(serializePermalink("/explore", { ...defaults, dataset: "d", asof: 2 })).toBe(
      "/explore?dataset=d&runtime=&workload=&baseline=runc&view=overhead&asof=2",
    );
  });

  it("reads a hand-written link", () => {
    const f = loadFilters(new URL("http://x/explore?dataset=d&runtime=runc,crun&view=absolute").searchParams);
    expect(f).toMatchObject({
      dataset: "d",
      runtime: ["runc", "crun"],
      view: "absolute",
      baseline: "runc",
      workload: [],
    });
  });

  it("falls back to defaults for values the parsers cannot read", () => {
    const f = loadFilters(new URL("http://x/explore?view=sideways&asof=abc").searchParams);
    expect(f).toMatchObject({ view: "overhead", asof: null });
  });
});
