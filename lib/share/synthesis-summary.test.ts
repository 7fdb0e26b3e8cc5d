import { describe, expect, it } from "vitest";
import { summarizeSynthesis } from "./synthesis-summary";

const row = (runtime: string, category: string, k: number, pooledPct: number | null, ci: [number, number] | null) => ({
  runtime,
  variant: null,
  category,
  k,
  pooledPct,
  ciLowPct: ci?.[0] ?? null,
  ciHighPct: ci?.[1] ?? null,
});

describe("summarizeSynthesis", () => {
  it("names the pooled row furthest from the baseline by log ratio, with k and its interval", () => {
    // −60 % is a ratio of 0.4 (|ln| 0.92), further from 1 than +80 % (|ln| 0.59); k = 0 rows are not pooled.
    const s = summarizeSynthesis(
      "runc",
      [
        row("crun", "cpu", 2, 80, [10, 190]),
        row("runsc-kvm", "network", 3, -60, [-70, -45]),
        row("kata-qemu", "web", 0, null, null),
      ],
      4,
    );
    expect(s.title).toBe(
      "gVisor (KVM) against runc across datasets: network overhead −60.0 % (k = 3, 95 % −70.0 % to −45.0 %)",
    );
    expect(s.description).toBe(
      "2 of 3 runtime and category rows pooled by random effects from the studies against runc across datasets; the largest difference is shown. Data: as of import #4.",
    );
  });

  it("says when nothing is pooled, and when a pooled row has no interval", () => {
    expect(summarizeSynthesis("runc", [], null).title).toBe("Runtimes against runc across datasets");
    expect(summarizeSynthesis("runc", [row("crun", "cpu", 1, 5, null)], null).title).toContain("(k = 1, no interval)");
  });
});
