import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { virtualizationFromCpuinfo, virtualizationFromDump } from "./host-info";

const ROOT = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

describe("virtualization of a host", () => {
  it("names the hypervisor and the container from the harness's dump", () => {
    expect(virtualizationFromDump(read("lib/ingest/__fixtures__/virtualization-kvm-docker.txt"))).toBe(
      "VM (kvm), in a container (docker)",
    );
  });

  it("falls back to the cpuinfo flag, and says bare metal only when both sources say so", () => {
    expect(virtualizationFromDump("systemd-detect-virt --vm: not available\ncpuinfo hypervisor flag: yes\n")).toBe(
      "VM (hypervisor flag in /proc/cpuinfo)",
    );
    expect(virtualizationFromDump("systemd-detect-virt --vm: none\ncpuinfo hypervisor flag: no\n")).toBe(
      "bare metal (no hypervisor detected)",
    );
    expect(virtualizationFromDump("systemd-detect-virt --vm: none\ncpuinfo hypervisor flag: not available\n")).toBe(
      undefined,
    );
  });

  it("reads the hypervisor flag of /proc/cpuinfo: a KVM guest, and an AWS m5d.metal", () => {
    expect(virtualizationFromCpuinfo(read("lib/ingest/__fixtures__/cpuinfo-kvm.txt"))).toBe(
      "VM (hypervisor flag in /proc/cpuinfo)",
    );
    expect(virtualizationFromCpuinfo(read("data/public/firecracker-nsdi2020/sys/sys_cpuinfo.txt"))).toBe(
      "bare metal (no hypervisor flag in /proc/cpuinfo)",
    );
    // No `flags` lines (an ARM cpuinfo lists `Features`): nothing to say.
    expect(virtualizationFromCpuinfo("processor\t: 0\nFeatures\t: fp asimd\n")).toBeUndefined();
  });
});
