import { describe, expect, it } from "vitest";
import { compilePattern, fillLabel, fillTemplate, matchPattern } from "./pattern";

describe("path patterns", () => {
  it("captures placeholders with the shortest match, on any trailing part of the path", () => {
    const p = compilePattern("raw/fio-{runtime}-{workload}.json");
    expect(matchPattern(p, "m5d.metal/raw/fio-fc-rand-read-4k.json")).toEqual({
      runtime: "fc",
      workload: "rand-read-4k",
    });
    expect(matchPattern(p, "raw/fio-metal-rand-write-128k-qd1.json")).toEqual({
      runtime: "metal",
      workload: "rand-write-128k-qd1",
    });
    expect(matchPattern(p, "xraw/fio-fc-a.json")).toBeUndefined();
  });

  it("supports regex placeholders, ignored placeholders and globs", () => {
    const p = compilePattern("start/start-{runtime}-{snapshotter:overlayfs|devmapper}-{iterations:\\d+}_{_}");
    expect(matchPattern(p, "results/start/start-io.containerd.kata.v2-kata2-qemu-overlayfs-100_3611039536")).toEqual({
      runtime: "io.containerd.kata.v2-kata2-qemu",
      snapshotter: "overlayfs",
      iterations: "100",
    });
    expect(matchPattern(compilePattern("sys/**"), "m5d.metal/sys/sys_uname.txt")).toEqual({});
    expect(matchPattern(compilePattern("*.md"), "a/README.md")).toEqual({});
    expect(matchPattern(compilePattern("*.md"), "a/README.mdx")).toBeUndefined();
  });

  it("matches an optional folder {name?}/ whether the path has that folder or not", () => {
    const p = compilePattern("{host?}/raw/boot-serial-{runtime}.dat");
    expect(matchPattern(p, "rn.nehalem/raw/boot-serial-fc-api.dat")).toEqual({ host: "rn.nehalem", runtime: "fc-api" });
    expect(matchPattern(p, "data/m5d.metal/raw/boot-serial-qemu.dat")).toEqual({ host: "m5d.metal", runtime: "qemu" });
    expect(matchPattern(p, "raw/boot-serial-chv.dat")).toEqual({ runtime: "chv" });
    expect(matchPattern(p, "raw/boot-serial-chv-cdf.txt")).toBeUndefined();
    expect(() => compilePattern("a{host?}/raw")).toThrow(/must be a whole folder/);
    expect(() => compilePattern("raw/{host?}")).toThrow(/must be a whole folder/);
  });

  it("rejects malformed patterns with the pattern in the message", () => {
    expect(() => compilePattern("a-{runtime")).toThrow(/pattern "a-\{runtime": unclosed/);
    expect(() => compilePattern("{x}-{x}")).toThrow(/appears twice/);
    expect(() => compilePattern("{bad-name}")).toThrow(/invalid placeholder name/);
  });

  it("fills templates from captures and leaves unknown names visible", () => {
    expect(fillTemplate("boot parallel {n}", { n: "10" })).toBe("boot parallel 10");
    expect(fillTemplate("{missing}", {})).toBe("{missing}");
  });

  it("writes a label's numbers without a file name's padding, and a command's as captured", () => {
    // firecracker-nsdi2020: net-fc-rx-01.json, workload "iperf3 host to guest P={streams}" (issue 20)
    expect(fillLabel("iperf3 host to guest P={streams}", { streams: "01" })).toBe("iperf3 host to guest P=1");
    expect(fillLabel("P={streams} {vms}", { streams: "10", vms: "0" })).toBe("P=10 0");
    expect(fillLabel("{name}", { name: "0x01" })).toBe("0x01");
    expect(fillTemplate("iperf3 -P {streams}", { streams: "01" })).toBe("iperf3 -P 01");
  });
});
