import { describe, expect, it } from "vitest";
import { largestDatasetWithBaseline } from "./per-dataset";
import type { SynthesisRow, SynthesisStudy } from "../synthesis/synthesize";

const study = (dataset: string, host: string, indirect = false) =>
  ({ dataset, host, indirect, via: indirect ? "bare-metal" : null }) as SynthesisStudy;
const row = (...studies: SynthesisStudy[]) => ({ studies }) as SynthesisRow;

describe("largestDatasetWithBaseline", () => {
  const rows = [
    row(study("fc", "m5d", true), study("small", "a")),
    row(study("mid", "x"), study("mid", "y"), study("small", "a")),
    row(study("mid", "y")),
  ];

  it("takes the largest dataset with a direct study, on its host with the most studies", () => {
    // "fc" is larger but only bridged: it lacks the baseline.
    expect(largestDatasetWithBaseline(rows, ["fc", "mid", "small"])).toEqual({ dataset: "mid", host: "y" });
  });

  it("is null when no dataset measured the baseline", () => {
    expect(largestDatasetWithBaseline([row(study("fc", "m5d", true))], ["fc"])).toBeNull();
  });
});
