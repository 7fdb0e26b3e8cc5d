import type { RuntimeId } from "@/lib/runtime-ids";
import type { CapabilityCell, CapabilityColumn } from "../types";

const NEEDS_KVM = {
  support: "no",
  note: "Needs /dev/kvm: bare metal, or a cloud VM with nested virtualisation.",
  sources: ["gvisor-what-is", "firecracker-readme", "cloud-hypervisor-readme"],
} as const satisfies CapabilityCell;

const NO_OCI = (via: string): CapabilityCell => ({
  support: "no",
  note: `Boots a kernel and disk images, not an OCI bundle; ${via}.`,
  sources: ["firecracker-readme", "kata-arch"],
});

const NO_POD_PATH = (via: string): CapabilityCell => ({
  support: "no",
  note: `None of its own; ${via}.`,
  sources: ["kata-virtualization", "kuasar-readme"],
});

const NOT_A_CONTAINER = (via: string): CapabilityCell => ({
  support: "no",
  note: `A VM, not a container runtime; ${via}.`,
  sources: ["kata-virtualization"],
});

/** Stand-alone VMMs. */
export const VM_CAPABILITIES = {
  firecracker: {
    gpu: {
      support: "no",
      note: "No VFIO or GPU passthrough; PCI (since 1.13) carries its own virtio devices only.",
      sources: ["firecracker-changelog", "kata-hypervisors"],
    },
    confidential: {
      support: "no",
      note: "No TDX or SEV-SNP; Kata's table marks both unsupported with Firecracker.",
      sources: ["kata-hypervisors", "firecracker-readme"],
    },
    snapshot: {
      support: "yes",
      note: "Snapshots generally available since 1.13; incremental snapshots still a developer preview.",
      sources: ["firecracker-changelog"],
    },
    "no-nested-virt": NEEDS_KVM,
    kubernetes: {
      ...NO_POD_PATH("through Kata with Firecracker"),
      sources: ["firecracker-readme", "kata-virtualization"],
    },
    rootless: {
      support: "partial",
      note: "The jailer starts as root, isolates the VMM and then drops privileges.",
      sources: ["firecracker-readme"],
    },
    "oci-cri": NO_OCI("Kata wraps it for containers"),
    "container-in-vm": NOT_A_CONTAINER("Kata runs containers in it"),
  },
  "cloud-hypervisor": {
    gpu: {
      support: "yes",
      note: "VFIO device passthrough, including NVIDIA GPUs.",
      sources: ["cloud-hypervisor-vfio"],
    },
    confidential: {
      support: "partial",
      note: "Intel TDX (experimental) and AMD SEV-SNP, each in its own build.",
      sources: ["cloud-hypervisor-tdx", "cloud-hypervisor-readme"],
    },
    snapshot: {
      support: "yes",
      note: "Snapshot/restore and live migration, not across versions.",
      sources: ["cloud-hypervisor-snapshot", "cloud-hypervisor-readme"],
    },
    "no-nested-virt": NEEDS_KVM,
    kubernetes: NO_POD_PATH("through Kata with Cloud Hypervisor, or Kuasar"),
    rootless: {
      support: "partial",
      note: "Kata runs it as a non-root user with access to /dev/kvm.",
      sources: ["kata-rootless-vmm"],
    },
    "oci-cri": {
      ...NO_OCI("Kata and Kuasar wrap it for containers"),
      sources: ["cloud-hypervisor-readme", "kata-arch"],
    },
    "container-in-vm": NOT_A_CONTAINER("Kata and Kuasar run containers in it"),
  },
  "qemu-kvm": {
    gpu: {
      support: "yes",
      note: "VFIO device passthrough; the VMM behind Kata's GPU support.",
      sources: ["kata-hypervisors", "kata-virtualization"],
    },
    confidential: {
      support: "yes",
      note: "Intel TDX and AMD SEV-SNP guests; the VMM behind Kata's confidential containers.",
      sources: ["kata-hypervisors"],
    },
    snapshot: {
      support: "yes",
      note: "Saves and restores guest state; live migration between hosts.",
      sources: ["qemu-migration"],
    },
    "no-nested-virt": {
      ...NEEDS_KVM,
      note: "Needs /dev/kvm for QEMU/KVM; without it QEMU emulates the CPU, a different runtime.",
      sources: ["qemu-about", "gvisor-what-is"],
    },
    kubernetes: NO_POD_PATH("through Kata with QEMU, or Kuasar"),
    rootless: {
      support: "partial",
      note: "Kata runs it as a non-root user with access to /dev/kvm.",
      sources: ["kata-rootless-vmm"],
    },
    "oci-cri": { ...NO_OCI("Kata and Kuasar wrap it for containers"), sources: ["qemu-about", "kata-arch"] },
    "container-in-vm": NOT_A_CONTAINER("Kata and Kuasar run containers in it"),
  },
} as const satisfies Partial<Record<RuntimeId, CapabilityColumn>>;
