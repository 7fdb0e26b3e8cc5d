import { describe, expect, it } from "vitest";
import { forestHref, studyExploreHref } from "./study-links";

describe("links from the synthesis", () => {
  it("open the forest plot of a runtime and category, keeping the baseline, indirect and asof", () => {
    expect(forestHref("runsc-ptrace", "startup", { baseline: "crun", indirect: 0, asof: 7 })).toBe(
      "/synthesis?baseline=crun&runtime=runsc-ptrace&asof=7&category=startup&indirect=0",
    );
  });

  it("open a study's explore view, against the bridge for an indirect study", () => {
    const study = { dataset: "firecracker-nsdi2020", host: "m5d.metal", via: "bare-metal", workloads: ["ping"] };
    expect(studyExploreHref({ runtime: "firecracker" }, study, "runc", null)).toBe(
      "/explore?dataset=firecracker-nsdi2020&host=m5d.metal&runtime=firecracker&workload=ping&baseline=bare-metal",
    );
  });
});
