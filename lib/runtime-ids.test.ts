import { describe, expect, it } from "vitest";
import {
  canonicalRuntimeId,
  resolveRuntime,
  runscDefaultPlatform,
  upstreamVersion,
  withVersionDefaults,
} from "./runtime-ids";

describe("resolveRuntime", () => {
  it.each([
    ["runc", { id: "runc", known: true }],
    // Without a platform or a version, gVisor's platform is not recorded.
    ["runsc", { id: "runsc", known: true }],
    ["gVisor", { id: "runsc", known: true }],
    ["io.containerd.runsc.v1", { id: "runsc", known: true }],
    ["runsc-kvm", { id: "runsc-kvm", known: true }],
    ["fc", { id: "firecracker", known: true }],
    ["fc-api", { id: "firecracker", known: true, variant: "api" }],
    ["fc-nopci-api", { id: "firecracker", known: true, variant: "nopci-api" }],
    ["chv-bz", { id: "cloud-hypervisor", known: true, variant: "bz" }],
    ["qemu-uvm", { id: "qemu-kvm", known: true, variant: "uvm" }],
    ["metal", { id: "bare-metal", known: true }],
    ["localhost", { id: "bare-metal", known: true }],
    ["kata-runtime", { id: "kata-qemu", known: true }],
    ["io.containerd.runc.v2", { id: "runc", known: true }],
    ["io.containerd.runsc.v1-systrap", { id: "runsc-systrap", known: true }],
    ["io.containerd.runsc.v1-kvm", { id: "runsc-kvm", known: true }],
    ["io.containerd.kata.v2-kata2-qemu", { id: "kata-qemu", known: true, version: "2" }],
    ["io.containerd.kata.v2-kata3-cloudhypervisor", { id: "kata-clh", known: true, version: "3" }],
    ["io.containerd.kata.v2-kata2-firecracker", { id: "kata-fc", known: true, version: "2" }],
    ["io.containerd.kata.v2-kata3-dragonball", { id: "kata-dragonball", known: true, version: "3" }],
    ["native", { id: "bare-metal", known: true }],
    // Underscores for hyphens, as in file and folder names; an unknown name stays as written.
    ["runsc_kvm", { id: "runsc-kvm", known: true }],
    ["kata_qemu", { id: "kata-qemu", known: true }],
    ["fc_api", { id: "firecracker", known: true, variant: "api" }],
    ["fc-my_build", { id: "firecracker", known: true, variant: "my_build" }],
    ["my_runtime", { id: "my_runtime", known: false }],
    ["youki", { id: "youki", known: false }],
  ])("%s", (label, expected) => {
    expect(resolveRuntime(label)).toEqual(expected);
  });

  it("applies manifest aliases before built-ins, and variants after them", () => {
    const aliases = {
      qboot: { runtime: "qemu", variant: "qboot" },
      kuasar: "kuasar-vmm",
      kata: { runtime: "kata-clh", version: "2.5.2" },
    };
    expect(resolveRuntime("qboot-net", aliases)).toEqual({ id: "qemu-kvm", known: true, variant: "qboot-net" });
    expect(resolveRuntime("kuasar", aliases)).toEqual({ id: "kuasar-vmm", known: true });
    expect(resolveRuntime("kata", aliases)).toEqual({ id: "kata-clh", known: true, version: "2.5.2" });
  });
});

describe("gVisor's platform from the version", () => {
  it.each([
    // Debian bookworm's runsc, and the bundled dataset's.
    ["0.0~20221219.0", "runsc-ptrace"],
    ["release-20221219.0", "runsc-ptrace"],
    // The last release defaulting to ptrace, and the first defaulting to systrap (runsc/config/flags.go).
    ["release-20230605.0", "runsc-ptrace"],
    ["20230620.9", "runsc-ptrace"],
    ["release-20230621.0", "runsc-systrap"],
    ["20230621.1", "runsc-systrap"],
    ["release-20260817.0", "runsc-systrap"],
  ])("a runsc of %s ran %s by default", (version, expected) => {
    expect(runscDefaultPlatform(version)).toBe(expected);
    expect(withVersionDefaults("runsc", version)).toBe(expected);
  });

  it("keeps the platform unrecorded when the version names no gVisor release", () => {
    for (const version of ["1.2.3", "latest", "release-2023", ""])
      expect(runscDefaultPlatform(version)).toBeUndefined();
    expect(withVersionDefaults("runsc", "latest")).toBe("runsc");
    expect(withVersionDefaults("runsc", undefined)).toBe("runsc");
  });

  it("never overrides a platform that was recorded, nor another runtime", () => {
    expect(withVersionDefaults("runsc-kvm", "release-20221219.0")).toBe("runsc-kvm");
    expect(withVersionDefaults("runsc-ptrace", "release-20260817.0")).toBe("runsc-ptrace");
    expect(withVersionDefaults("runc", "20221219.0")).toBe("runc");
  });
});

describe("upstreamVersion", () => {
  it.each([
    ["runsc-ptrace", "0.0~20221219.0", "release-20221219.0"],
    ["runsc-kvm", "20260914.0", "release-20260914.0"],
    ["runsc-ptrace", "release-20221219.0", "release-20221219.0"],
    ["runc", "1.1.5+ds1", "1.1.5"],
    ["crun", "1.8.1", "1.8.1"],
    ["kata-qemu", "3", "3"],
    ["bare-metal", "6.18.44-fc-v782", "6.18.44-fc-v782"],
    // A date means a gVisor release only for gVisor.
    ["firecracker", "20221219.0", "20221219.0"],
  ])("%s %s -> %s", (id, raw, expected) => expect(upstreamVersion(id, raw)).toBe(expected));
});

describe("canonicalRuntimeId", () => {
  it.each([
    ["gvisor", "runsc"],
    ["fc", "firecracker"],
    ["kata", "kata-qemu"],
    ["CRUN", "crun"],
    ["runsc-ptrace", "runsc-ptrace"],
    ["io.containerd.runsc.v1-kvm", "runsc-kvm"],
    ["fc-api", null],
    ["io.containerd.kata.v2-kata3-qemu", null],
    ["youki", null],
  ])("%s is %s", (name, id) => {
    expect(canonicalRuntimeId(name)).toBe(id);
  });
});
