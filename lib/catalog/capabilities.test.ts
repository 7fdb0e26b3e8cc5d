import { describe, expect, it } from "vitest";
import { RUNTIME_IDS } from "@/lib/runtime-ids";
import { CAPABILITY_MATRIX, capabilityColumn, unmetRequirements, type SandboxRuntimeId } from "./capabilities";
import { CAPABILITY_IDS, CAPABILITY_LABELS, REQUIREMENT_IDS } from "./capability-ids";
import { isSourceId } from "./sources";

const sandboxes = RUNTIME_IDS.filter((id): id is SandboxRuntimeId => id !== "bare-metal");
const support = (runtime: SandboxRuntimeId, capability: (typeof CAPABILITY_IDS)[number]) =>
  CAPABILITY_MATRIX[runtime][capability].support;

describe("capability matrix", () => {
  it("has a column for every runtime but bare metal (the reference, not a sandbox)", () => {
    expect(Object.keys(CAPABILITY_MATRIX).sort()).toEqual([...sandboxes].sort());
    expect(capabilityColumn("bare-metal")).toBeUndefined();
    expect(capabilityColumn("youki")).toBeUndefined();
  });

  it.each(sandboxes)("%s: every capability has a value, a note without numbers and registered sources", (id) => {
    const column = CAPABILITY_MATRIX[id];
    expect(Object.keys(column).sort()).toEqual([...CAPABILITY_IDS].sort());
    for (const c of CAPABILITY_IDS) {
      const cell = column[c];
      expect(["yes", "partial", "no"]).toContain(cell.support);
      expect(cell.note.trim().length, `${id} ${c}`).toBeGreaterThan(8);
      expect(cell.note, `${id} ${c}`).not.toMatch(/\d+(?:\.\d+)?\s*(?:%|ms|µs|ns|MiB|GiB|MB|GB)/);
      expect(cell.sources.length).toBeGreaterThan(0);
      for (const s of cell.sources) expect(isSourceId(s), `${id} ${c}: ${s}`).toBe(true);
    }
  });

  it("labels every capability and lets cases require only catalogued ones", () => {
    for (const c of CAPABILITY_IDS) expect(CAPABILITY_LABELS[c].label.length).toBeGreaterThan(2);
    for (const r of REQUIREMENT_IDS) expect(CAPABILITY_IDS).toContain(r);
  });

  // What upstream says (sources.ts records the commits read), kept from drifting silently.
  it("GPUs: gVisor through nvproxy, Kata only with QEMU, Cloud Hypervisor and QEMU through VFIO, never Firecracker", () => {
    for (const g of ["runsc", "runsc-ptrace", "runsc-systrap", "runsc-kvm"] as const)
      expect(support(g, "gpu")).toBe("partial");
    expect(support("kata-qemu", "gpu")).toBe("yes");
    for (const k of ["kata-clh", "kata-fc", "kata-dragonball"] as const) expect(support(k, "gpu")).toBe("no");
    expect(support("cloud-hypervisor", "gpu")).toBe("yes");
    expect(support("qemu-kvm", "gpu")).toBe("yes");
    expect(support("firecracker", "gpu")).toBe("no");
  });

  it("cloud VMs without nested virtualisation: gVisor's systrap and ptrace yes, KVM-based runtimes no", () => {
    expect(support("runsc-systrap", "no-nested-virt")).toBe("yes");
    expect(support("runsc-ptrace", "no-nested-virt")).toBe("yes");
    expect(support("runsc-kvm", "no-nested-virt")).toBe("no");
    expect(support("runsc", "no-nested-virt")).toBe("partial");
    for (const v of [
      "kata-qemu",
      "kata-clh",
      "kata-fc",
      "kata-dragonball",
      "kuasar-vmm",
      "firecracker",
      "cloud-hypervisor",
      "qemu-kvm",
    ] as const)
      expect(support(v, "no-nested-virt"), v).toBe("no");
  });

  it("Kubernetes: a path for containers, gVisor, Kata and Kuasar; none for a bare VMM", () => {
    for (const r of [
      "runc",
      "crun",
      "runsc-systrap",
      "kata-qemu",
      "kata-clh",
      "kata-dragonball",
      "kuasar-vmm",
    ] as const)
      expect(support(r, "kubernetes"), r).toBe("yes");
    for (const v of ["firecracker", "cloud-hypervisor", "qemu-kvm"] as const)
      expect(support(v, "kubernetes"), v).toBe("no");
  });

  it("snapshots: Firecracker, Cloud Hypervisor, QEMU, runsc checkpoint and CRIU; not Kata", () => {
    for (const r of ["firecracker", "cloud-hypervisor", "qemu-kvm", "runsc-systrap", "runc", "crun"] as const)
      expect(support(r, "snapshot"), r).toBe("yes");
    expect(support("kata-qemu", "snapshot")).toBe("no");
  });
});

describe("unmetRequirements", () => {
  it("names what a runtime lacks with the matrix's own note, and counts partial as offered", () => {
    const [gpu] = unmetRequirements("firecracker", ["gpu"]);
    expect(gpu).toEqual({
      capability: "gpu",
      reason: `GPU and accelerators: ${CAPABILITY_MATRIX.firecracker.gpu.note}`,
    });
    expect(unmetRequirements("runsc-systrap", ["gpu", "no-nested-virt", "kubernetes", "snapshot"])).toEqual([]);
    expect(unmetRequirements("kata-fc", ["kubernetes"])).toEqual([]);
  });

  it("sets apart runtimes the matrix does not describe", () => {
    expect(unmetRequirements("youki", ["snapshot"])).toEqual([
      { capability: "snapshot", reason: "Snapshot / checkpoint: not in the capability matrix" },
    ]);
    expect(unmetRequirements("youki", [])).toEqual([]);
  });
});
