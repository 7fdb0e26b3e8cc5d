import { readFileSync } from "node:fs";
import { join } from "node:path";
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
  it.each([
    ["mixed-ping-iperf3.txt", "2 tools (iperf3, ping)", "ping"],
    ["mixed-wrk-ab.txt", "2 tools (wrk, ab)", "ab"],
  ] as const)("refuses %s, a log two tools wrote to, rather than read one tool's part", (name, tools, parser) => {
    const raw = readFileSync(join(import.meta.dirname, "__fixtures__", name), "utf8");
    expect(() => planFile(raw, name, labels({ runtime: "runc" }))).toThrow(`holds the output of ${tools}`);
    // Naming the parser is the user choosing which part to read.
    expect(planFile(raw, name, labels({ runtime: "runc", parser })).parser.id).toBe(parser);
  });

  it("stores a runtime's version as its project names it (the manifest keeps the package's)", () => {
    const raw = readFixture("hyperfine", "warmup.json");
    const plan = planFile(raw, "start.json", labels({ runtime: "runsc", version: "0.0~20221219.0" }));
    expect(plan.runs[0]?.runtime).toEqual({ id: "runsc-ptrace", known: true, version: "release-20221219.0" });
    const runc = planFile(raw, "start.json", labels({ runtime: "runc", version: "1.1.5+ds1" }));
    expect(runc.runs[0]?.runtime.version).toBe("1.1.5");
  });

  it("gives a bare runsc its release's default platform, and leaves it unrecorded without a version", () => {
    const raw = readFixture("hyperfine", "warmup.json");
    const runtimeOf = (extra: Partial<FileLabels>) => planFile(raw, "start.json", labels(extra)).runs[0]?.runtime;
    expect(runtimeOf({ runtime: "runsc", version: "20230627.0" })).toEqual({
      id: "runsc-systrap",
      known: true,
      version: "release-20230627.0",
    });
    expect(runtimeOf({ runtime: "io.containerd.runsc.v1", version: "release-20230605.0" })?.id).toBe("runsc-ptrace");
    expect(runtimeOf({ runtime: "gvisor" })).toEqual({ id: "runsc", known: true });
    // A platform named in the label wins over the version's default.
    expect(runtimeOf({ runtime: "runsc-kvm", version: "0.0~20221219.0" })?.id).toBe("runsc-kvm");
  });
});
