import { describe, expect, it } from "vitest";
import { readFixture } from "@/lib/parsers/__test__/fixtures";
import type { FileLabels } from "./labels";
import { planFile } from "./plan";

const labels = (extra: Partial<FileLabels>): FileLabels => ({
  ignore: false,
  dataset: "d",
  host: { name: "h" },
  params: {},
  aliases: {},
  ...extra,
});

describe("planFile", () => {
  it("stores a runtime's version as its project names it (the manifest keeps the package's)", () => {
    const raw = readFixture("hyperfine", "warmup.json");
    const plan = planFile(raw, "start.json", labels({ runtime: "runsc", version: "0.0~20221219.0" }));
    expect(plan.runs[0]?.runtime).toEqual({ id: "runsc-ptrace", known: true, version: "release-20221219.0" });
    const runc = planFile(raw, "start.json", labels({ runtime: "runc", version: "1.1.5+ds1" }));
    expect(runc.runs[0]?.runtime.version).toBe("1.1.5");
  });
});
