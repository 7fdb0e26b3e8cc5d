import { describe, expect, it } from "vitest";
import { parseBenchOptions, repsWarning, UsageError } from "./cli-options";

const NOW = new Date(2026, 10, 26, 22, 15, 3);
const parse = (raw: Parameters<typeof parseBenchOptions>[0]) => parseBenchOptions(raw, NOW);

describe("bench options", () => {
  it("reads the documented example, with paper, 5 repetitions and a dated folder by default", () => {
    expect(parse({ runtime: "runc,crun,runsc-ptrace,bare-metal" })).toEqual({
      runtimes: [{ label: "runc" }, { label: "crun" }, { label: "runsc-ptrace" }, { label: "bare-metal" }],
      suite: "paper",
      reps: 5,
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
    [{ runtime: "runc", waitQuiet: "0" }, /--wait-quiet=0: expected the longest wait before a step in seconds/],
    [{ runtime: "runc", waitQuiet: "soon" }, /--wait-quiet=soon/],
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

  it("runs quick 3 times by default, and warns, without refusing, when paper gets fewer than 5", () => {
    expect(parse({ runtime: "runc", suite: "quick" }).reps).toBe(3);
    expect(repsWarning(parse({ runtime: "runc", suite: "quick", reps: "1" }))).toBeUndefined();
    expect(repsWarning(parse({ runtime: "runc" }))).toBeUndefined();
    expect(repsWarning(parse({ runtime: "runc", reps: "3" }))).toMatch(
      /--reps 3: the paper suite should run every step at least 5 times/,
    );
  });

  it("waits for quiet at most 600 s when --wait-quiet has no value, else as long as given", () => {
    expect(parse({ runtime: "runc" }).waitQuietS).toBeUndefined();
    expect(parse({ runtime: "runc", waitQuiet: true }).waitQuietS).toBe(600);
    expect(parse({ runtime: "runc", waitQuiet: "90" }).waitQuietS).toBe(90);
  });

  it("runs podman from a folder unless an image is named; docker and nerdctl from debian:12-slim", () => {
    expect(parse({ runtime: "runc", engine: "podman" }).image).toBeUndefined();
    expect(parse({ runtime: "runc", engine: "podman", image: "debian:12" }).image).toBe("debian:12");
    expect(parse({ runtime: "runc", engine: "nerdctl" }).image).toBe("debian:12-slim");
  });

  it("refuses engine labels that cannot name a folder, and runsc-kvm there too", () => {
    expect(() => parse({ runtime: "Kata/FC=kata-fc", engine: "docker" })).toThrow(
      /the label "Kata\/FC" must be lower case/,
    );
    expect(() => parse({ runtime: "a=b=c", engine: "podman" })).toThrow(/expected NAME or LABEL=ENGINE_RUNTIME/);
    expect(() => parse({ runtime: "runsc-kvm=runsc", engine: "docker" })).toThrow(/runsc-kvm is refused/);
  });

  it("--upload takes the instance and a token (--token, else HVSCOPE_TOKEN), checked before the run", () => {
    const upload = (raw: Parameters<typeof parseBenchOptions>[0], envToken?: string) =>
      parseBenchOptions({ runtime: "runc", ...raw }, NOW, envToken ?? "").upload;
    expect(upload({ upload: "https://hvscope.example", token: "hvs_a" })).toEqual({
      endpoint: new URL("https://hvscope.example/api/imports"),
      token: "hvs_a",
    });
    expect(upload({ upload: "https://hvscope.example" }, "hvs_env")?.token).toBe("hvs_env");
    expect(upload({}, "hvs_env")).toBeUndefined();
    expect(() => upload({ upload: "https://hvscope.example" })).toThrow(
      new UsageError(
        "--upload: uploading to https://hvscope.example needs a token: --token TOKEN or HVSCOPE_TOKEN (an operator makes one with npm run token -- create NAME)",
      ),
    );
    expect(() => upload({ upload: "hvscope.example", token: "t" })).toThrow(/--upload: "hvscope.example" is not a URL/);
    expect(() => upload({ token: "t" })).toThrow(/--token only applies with --upload URL/);
  });
});
