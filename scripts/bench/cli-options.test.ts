import { describe, expect, it } from "vitest";
import { parseBenchOptions, UsageError } from "./cli-options";

const NOW = new Date(2026, 10, 26, 22, 15, 3);
const parse = (raw: Parameters<typeof parseBenchOptions>[0]) => parseBenchOptions(raw, NOW);

describe("bench options", () => {
  it("reads the documented example, with paper, 3 repetitions and a dated folder by default", () => {
    expect(parse({ runtime: "runc,crun,runsc-ptrace,bare-metal" })).toEqual({
      runtimes: [{ label: "runc" }, { label: "crun" }, { label: "runsc-ptrace" }, { label: "bare-metal" }],
      suite: "paper",
      reps: 3,
      out: "bench-results/paper-20261126-221503",
      fixCrunCgroups: false,
    });
  });

  it("takes suite, repetitions, folder, dataset and the crun fix as given", () => {
    expect(
      parse({
        runtime: " runc , runsc-ptrace",
        suite: "quick",
        reps: "1",
        out: "/tmp/x",
        dataset: "d",
        fixCrunCgroups: true,
      }),
    ).toEqual({
      runtimes: [{ label: "runc" }, { label: "runsc-ptrace" }],
      suite: "quick",
      reps: 1,
      out: "/tmp/x",
      dataset: "d",
      fixCrunCgroups: true,
    });
  });

  it.each([
    [{}, /--runtime is required/],
    [{ runtime: "runc,,crun" }, /empty entry/],
    [{ runtime: "runc,runc" }, /lists runc twice/],
    [{ runtime: "kata-qemu" }, /unknown runtime "kata-qemu".*through --engine/],
    [{ runtime: "runsc" }, /name the gVisor platform, runsc-ptrace or runsc-systrap/],
    [{ runtime: "runsc-kvm" }, /runsc-kvm is refused: gVisor's KVM platform hangs/],
    [{ runtime: "runc=x" }, /only applies with --engine/],
    [{ runtime: "runc", suite: "full" }, /--suite "full": expected one of paper, quick/],
    [{ runtime: "runc", reps: "0" }, /--reps "0": expected a whole number from 1 to 20/],
    [{ runtime: "runc", reps: "2.5" }, /--reps "2.5"/],
    [{ runtime: "runc", reps: "21" }, /--reps "21"/],
    [{ runtime: "runc", engine: "lxc" }, /--engine "lxc": expected one of docker, podman, nerdctl/],
    [{ runtime: "runc", image: "debian:12" }, /--image only applies with --engine/],
    [{ runtime: "runc", dataset: " " }, /--dataset must not be empty/],
  ] as const)("rejects %j", (raw, message) => {
    expect(() => parse(raw)).toThrow(UsageError);
    expect(() => parse(raw)).toThrow(message);
  });

  it("passes engine runtime names through, with an optional label for the outputs", () => {
    const options = parse({ runtime: "runc,kata-fc=io.containerd.kata-fc.v2,runsc,bare-metal", engine: "docker" });
    expect(options.runtimes).toEqual([
      { label: "runc", engineRuntime: "runc" },
      { label: "kata-fc", engineRuntime: "io.containerd.kata-fc.v2" },
      { label: "runsc", engineRuntime: "runsc" },
      { label: "bare-metal" },
    ]);
    expect(options).toMatchObject({ engine: "docker", image: "debian:12-slim" });
  });

  it("refuses engine labels that cannot name a folder, and runsc-kvm there too", () => {
    expect(() => parse({ runtime: "Kata/FC=kata-fc", engine: "docker" })).toThrow(
      /the label "Kata\/FC" must be lower case/,
    );
    expect(() => parse({ runtime: "a=b=c", engine: "podman" })).toThrow(/expected NAME or LABEL=ENGINE_RUNTIME/);
    expect(() => parse({ runtime: "runsc-kvm=runsc", engine: "docker" })).toThrow(/runsc-kvm is refused/);
  });
});
