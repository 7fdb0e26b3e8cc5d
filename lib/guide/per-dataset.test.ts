import { describe, expect, it } from "vitest";
import { largestDatasetWithBaseline } from "./per-dataset";
import { row, study } from "@/test/synthesis-row-fixture";

const direct = (dataset: string, host: string) => study(dataset, 0, { host });
const bridged = (dataset: string) => study(dataset, 0, { via: "bare-metal" });
const rowOf = (...studies: ReturnType<typeof study>[]) => row("kata-qemu", "startup", null, studies);

describe("largestDatasetWithBaseline", () => {
  const rows = [
    rowOf(bridged("fc"), direct("small", "a")),
    rowOf(direct("mid", "x"), direct("mid", "y"), direct("small", "a")),
    rowOf(direct("mid", "y")),
  ];

  it("takes the largest dataset with a direct study, on its host with the most studies", () => {
    // "fc" is larger but only bridged: it lacks the baseline.
    expect(largestDatasetWithBaseline(rows, ["fc", "mid", "small"])).toEqual({ dataset: "mid", host: "y" });
  });

  it("is null when no dataset measured the baseline", () => {
    expect(largestDatasetWithBaseline([rowOf(bridged("fc"))], ["fc"])).toBeNull();
  });
});
