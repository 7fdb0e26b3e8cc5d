import { describe, expect, it } from "vitest";
import {
  canonicalQuery,
  loadFilters,
  serializeFilters,
  serializePermalink,
  URL_PARAMS,
  type Filters,
} from "./search-params";

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

describe("runtime aliases in links", () => {
  it("reads the aliases import accepts as canonical ids, and keeps other names as written", () => {
    const f = loadFilters(new URLSearchParams("runtime=gvisor,fc,kata,youki&baseline=CRUN"));
    expect(f.runtime).toEqual(["runsc", "firecracker", "kata-qemu", "youki"]);
    expect(f.baseline).toBe("crun");
  });

  it("rewrites a link's aliases to canonical ids, leaving every other value and name as it was", () => {
    const raw = { runtime: "gvisor,crun", baseline: "fc", workload: "crictl run pod%2C serial,b", runtme: "x" };
    const query = canonicalQuery(raw)!;
    expect(query).toBe("?runtime=runsc,crun&baseline=firecracker&workload=crictl+run+pod%252C+serial,b&runtme=x");
    const f = loadFilters(new URLSearchParams(query));
    expect(f).toMatchObject({ runtime: ["runsc", "crun"], workload: ["crictl run pod, serial", "b"] });
    expect(canonicalQuery(Object.fromEntries(new URLSearchParams(query)))).toBeNull();
  });

  it("lists every parameter of the contract once", () => {
    expect([...URL_PARAMS].sort()).toEqual(
      [
        "asof",
        "baseline",
        "case",
        "category",
        "dataset",
        "host",
        "indirect",
        "metric",
        "require",
        "runtime",
        "view",
        "weights",
        "workload",
      ].sort(),
    );
  });
});
