import { describe, expect, it } from "vitest";
import { loadFilters } from "../search-params";
import {
  baselineAsked,
  blockingNotices,
  droppedBySelection,
  isWarning,
  pickDataset,
  referenceRuntime,
  resolveSelection,
  unknownParams,
  type Facets,
  type Notice,
} from "./selection";

const facetsWith = (runtimes: string[]): Facets => ({
  hosts: ["h1", "h2"],
  runtimes: runtimes.map((id) => ({ id })),
  workloads: [{ name: "w" }],
  metrics: [{ name: "m" }],
});

describe("pickDataset", () => {
  // Largest first, as listDatasets sorts them; only the smaller two hold runc.
  const available = ["firecracker-nsdi2020", "bundled", "gvisor-website"];
  const withRunc = (d: string) => d !== "firecracker-nsdi2020";

  it("without a dataset, takes the largest that holds the baseline, not the largest of all", () => {
    expect(pickDataset(null, available, withRunc)).toEqual({ dataset: "bundled", notices: [] });
  });

  it("takes the largest of all when no dataset holds the baseline", () => {
    expect(pickDataset(null, available, () => false)).toEqual({ dataset: "firecracker-nsdi2020", notices: [] });
  });

  it("keeps a dataset asked for, with or without the baseline", () => {
    expect(pickDataset("firecracker-nsdi2020", available, withRunc)).toEqual({
      dataset: "firecracker-nsdi2020",
      notices: [],
    });
  });

  it("replaces an unknown dataset by the default one, with a warning", () => {
    const picked = pickDataset("nope", available, withRunc);
    expect(picked.dataset).toBe("bundled");
    expect(picked.notices).toEqual([
      { param: "dataset", message: 'Unknown dataset "nope"; showing "bundled" instead.' },
    ]);
    expect(picked.notices.every(isWarning)).toBe(true);
  });

  it("has nothing to pick from an empty database", () => {
    expect(pickDataset(null, [], withRunc)).toEqual({ dataset: null, notices: [] });
  });
});

describe("referenceRuntime", () => {
  it("prefers runc, then crun, then bare metal, then the first runtime", () => {
    expect(referenceRuntime(["bare-metal", "crun", "runc", "runsc-ptrace"])).toBe("runc");
    expect(referenceRuntime(["bare-metal", "crun", "kata-qemu"])).toBe("crun");
    expect(referenceRuntime(["bare-metal", "cloud-hypervisor", "firecracker", "qemu-kvm"])).toBe("bare-metal");
    expect(referenceRuntime(["kata-clh", "kuasar-vmm"])).toBe("kata-clh");
    expect(referenceRuntime([])).toBeNull();
  });
});

describe("baselineAsked", () => {
  it("is true when the URL names a baseline, runc included, or the filters hold another one", () => {
    expect(baselineAsked(loadFilters({}), {})).toBe(false);
    expect(baselineAsked(loadFilters({ baseline: "runc" }), { baseline: "runc" })).toBe(true);
    expect(baselineAsked(loadFilters({ baseline: "" }), { baseline: "" })).toBe(true);
    // Filters built in code (no raw URL): a baseline other than the default was asked for.
    expect(baselineAsked(loadFilters({ baseline: "bare-metal" }), {})).toBe(true);
  });
});

describe("resolveSelection: the baseline", () => {
  const firecracker = facetsWith(["bare-metal", "cloud-hypervisor", "firecracker", "qemu-kvm"]);
  const resolve = (query: Record<string, string>, facets: Facets) => {
    const filters = loadFilters(query);
    return resolveSelection(filters, "firecracker-nsdi2020", facets, { baselineAsked: baselineAsked(filters, query) });
  };

  it("without a baseline in the link, a host without runc compares against its reference runtime, said quietly", () => {
    const { selection, notices } = resolve({}, firecracker);
    expect(selection.baseline).toBe("bare-metal");
    expect(notices).toEqual([
      {
        param: "baseline",
        level: "info",
        message:
          "runc was not measured in firecracker-nsdi2020 on h1; compared against bare-metal instead (the first of runc, crun, bare-metal measured there).",
      },
    ]);
    expect(notices.filter(isWarning)).toEqual([]);
  });

  it("says so when the reference is only the host's first runtime", () => {
    const { selection, notices } = resolve({}, facetsWith(["kata-clh", "kuasar-vmm"]));
    expect(selection.baseline).toBe("kata-clh");
    expect(notices[0]!.message).toContain("none of runc, crun, bare-metal was measured there: its first runtime");
  });

  it("prefers crun to bare metal", () => {
    expect(resolve({}, facetsWith(["bare-metal", "crun", "runsc-ptrace"])).selection.baseline).toBe("crun");
  });

  it("says nothing when runc was measured", () => {
    const { selection, notices } = resolve({}, facetsWith(["bare-metal", "runc"]));
    expect(selection.baseline).toBe("runc");
    expect(notices).toEqual([]);
  });

  it("keeps a baseline the link names, runc included, and warns that it has no data", () => {
    for (const baseline of ["runc", "crun"]) {
      const { selection, notices } = resolve({ baseline }, firecracker);
      expect(selection.baseline).toBe(baseline);
      expect(notices).toEqual([
        {
          param: "baseline",
          message: `Baseline "${baseline}" has no data in firecracker-nsdi2020 on h1. Pick one that does: bare-metal, cloud-hypervisor, firecracker, qemu-kvm.`,
        },
      ]);
      expect(notices.every(isWarning)).toBe(true);
    }
  });

  it("keeps a baseline the link names when it was measured", () => {
    expect(resolve({ baseline: "qemu-kvm" }, firecracker)).toMatchObject({
      selection: { baseline: "qemu-kvm" },
      notices: [],
    });
  });

  it("warns as before for a host without any runtime", () => {
    const { selection, notices } = resolve({}, facetsWith([]));
    expect(selection.baseline).toBe("runc");
    expect(notices.map((n) => [n.param, isWarning(n)])).toEqual([["baseline", true]]);
  });
});

describe("blockingNotices", () => {
  const info: Notice = { param: "baseline", message: "compared against bare-metal", level: "info" };
  const unknownHost: Notice = { param: "host", message: 'Unknown host "x"' };
  const unknownBaseline: Notice = { param: "baseline", message: 'Baseline "x" has no data', level: "warning" };

  it("lets quiet notes through: an API answers them with data, not a 400", () => {
    expect(blockingNotices([info])).toEqual([]);
  });

  it("blocks warnings about the parameters a route uses", () => {
    expect(blockingNotices([info, unknownHost, unknownBaseline])).toEqual([unknownHost, unknownBaseline]);
    expect(blockingNotices([info, unknownHost, unknownBaseline], ["baseline"])).toEqual([unknownHost]);
  });
});

describe("unknownParams", () => {
  it("names each parameter outside the contract, with the closest known name", () => {
    expect(unknownParams({ runtme: "crun", dataset: "d", zzz: "1", Baseline: "runc" })).toEqual([
      { param: "runtme", message: 'Ignored unknown parameter "runtme"; did you mean "runtime"?' },
      { param: "zzz", message: 'Ignored unknown parameter "zzz".' },
      { param: "Baseline", message: 'Ignored unknown parameter "Baseline"; did you mean "baseline"?' },
    ]);
  });

  it("accepts the names a route adds to the contract", () => {
    expect(unknownParams({ format: "csv" }, ["format"])).toEqual([]);
    expect(unknownParams({ format: "csv" })).toHaveLength(1);
  });
});

describe("droppedBySelection", () => {
  const shown = [
    { runtime: "runc", workload: "fio randread" },
    { runtime: "crun", workload: "fio randread" },
  ];

  it("names a selected workload the chosen metric leaves out, and why", () => {
    const notices = droppedBySelection(
      { runtimes: [], workloads: ["redis GET", "fio randread"], metric: "read_iops", baseline: "runc" },
      shown,
    );
    expect(notices).toEqual([
      { param: "metric", message: "redis GET has no read_iops; it is hidden while metric read_iops is chosen." },
    ]);
  });

  it("names a selected runtime that ran none of the selected workloads", () => {
    const notices = droppedBySelection(
      { runtimes: ["crun", "runsc-ptrace"], workloads: ["fio randread"], metric: null, baseline: "runc" },
      shown,
    );
    expect(notices.map((n) => n.message)).toEqual(["gVisor (ptrace) has no samples for fio randread; it is hidden."]);
  });

  it("says nothing when every selected value is shown", () => {
    expect(
      droppedBySelection({ runtimes: ["crun"], workloads: ["fio randread"], metric: null, baseline: "runc" }, shown),
    ).toEqual([]);
  });
});
