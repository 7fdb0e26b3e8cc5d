import type { RuntimeId } from "@/lib/runtime-ids";
import type { Claim, RuntimeFacts } from "../types";

const RATIONALE =
  "The workload runs on its own guest kernel inside a KVM virtual machine; reaching the host requires escaping through a VM exit into KVM and the VMM.";

const SYSCALLS =
  "Handled at native speed by the guest kernel; only device I/O, interrupts and some privileged operations leave the guest as VM exits to KVM and the VMM.";

const GUEST_MEMORY_CON = {
  text: "Each VM pre-allocates memory for a whole guest and boots its own kernel, so per-sandbox footprint and start-up stay above a container's; Li et al. name reducing this footprint as the open problem.",
  sources: ["gvisor-intro", "li2021-closer"],
} as const satisfies Claim;

const NEEDS_KVM_CON = {
  text: "Needs hardware virtualisation (/dev/kvm) on the host; inside a cloud VM that means nested virtualisation.",
  sources: ["gvisor-arch", "kuasar-readme"],
} as const satisfies Claim;

/** Stand-alone VMMs, used directly rather than through a container runtime. */
export const VM_FACTS = {
  firecracker: {
    family: "micro-VM",
    isolationBoundary:
      "A KVM guest with its own Linux kernel, driven by a minimal Rust VMM process (one per microVM) that is itself confined by seccomp, cgroups, namespaces and the jailer.",
    isolationStrength: 3,
    isolationRationale: RATIONALE,
    syscalls: SYSCALLS,
    files:
      "virtio-block devices backed by host files that must already hold a file system the guest understands; there is no shared-directory device (no virtio-fs or 9p).",
    network:
      "virtio-net backed by a host tap device; the VMM copies frames between them and can apply per-interface rate limits.",
    startup:
      "The VMM process starts (normally under the jailer), is configured over its HTTP API with kernel, root drive, vCPUs and memory, and then loads the guest kernel directly, without firmware or PCI enumeration, and boots to init.",
    pros: [
      {
        text: "Built for serverless: a deliberately tiny device model (virtio-net, virtio-block, vsock, serial and a minimal keyboard controller) keeps boot fast and the VMM's memory overhead small.",
        sources: ["firecracker-nsdi20", "firecracker-design"],
      },
      {
        text: "Defence in depth: guest vCPU threads are treated as hostile from the start, and the VMM itself runs with per-thread seccomp filters inside a jail.",
        sources: ["firecracker-design"],
      },
      {
        text: "Designed for dense multi-tenant hosts: CPU and memory can be oversubscribed, and token-bucket rate limiters share disk and network fairly between microVMs.",
        sources: ["firecracker-design", "firecracker-nsdi20"],
      },
    ],
    cons: [
      {
        text: "I/O goes through simple emulated virtio devices in the VMM; in the paper's own network test a guest got less throughput than a QEMU guest and far less than host loopback.",
        sources: ["firecracker-nsdi20"],
      },
      {
        text: "Minimalism limits features: no shared file systems, no PCI devices or passthrough by default, and Linux guests only.",
        sources: ["firecracker-nsdi20", "firecracker-design", "kata-virtualization"],
      },
      GUEST_MEMORY_CON,
      NEEDS_KVM_CON,
    ],
    bestFor: ["serverless", "multi-tenant-untrusted", "high-density"],
    sources: ["firecracker-nsdi20", "firecracker-design"],
  },
  "cloud-hypervisor": {
    family: "micro-VM",
    isolationBoundary:
      "A KVM (or Microsoft Hypervisor) guest with its own kernel, run by a Rust VMM that targets modern cloud guests with paravirtualised devices and no legacy hardware.",
    isolationStrength: 3,
    isolationRationale: RATIONALE,
    syscalls: SYSCALLS,
    files:
      "virtio-block or virtio-pmem disks backed by host files; host directories can be shared over virtio-fs through an external vhost-user daemon (virtiofsd).",
    network: "virtio-net backed by a host tap device, or a vhost-user network backend.",
    startup:
      "The VMM starts and either boots a PVH-capable kernel directly or starts firmware (Rust Hypervisor Firmware or an edk2 build) that boots a cloud image, then the guest runs its init.",
    pros: [
      {
        text: "Goals of minimal emulation, low latency, a small memory footprint and a small attack surface, written in Rust on crates shared with Firecracker.",
        sources: ["cloud-hypervisor-readme"],
      },
      {
        text: "More general-purpose than Firecracker: CPU, memory and PCI hotplug, device passthrough, virtio-fs and live migration.",
        sources: ["cloud-hypervisor-readme", "kata-virtualization"],
      },
    ],
    cons: [
      {
        text: "Supports only 64-bit guests on a narrow set of modern platforms, by design.",
        sources: ["cloud-hypervisor-readme"],
      },
      GUEST_MEMORY_CON,
      NEEDS_KVM_CON,
    ],
    bestFor: ["multi-tenant-untrusted", "web-services"],
    sources: ["cloud-hypervisor-readme", "kata-virtualization"],
  },
  "qemu-kvm": {
    family: "traditional VM",
    isolationBoundary:
      "A full emulated machine (chipset, firmware, PCI and ACPI) running its own kernel, with KVM executing guest code on the host CPU and QEMU providing the device models.",
    isolationStrength: 3,
    isolationRationale: RATIONALE,
    syscalls: SYSCALLS,
    files:
      "The guest's own file system on a virtual disk (virtio-blk, virtio-scsi or an emulated controller) backed by an image file or block device; host directories optionally over virtio-fs or 9p.",
    network:
      "virtio-net (optionally with vhost-net in the host kernel) on a tap device, emulated NICs, or user-mode networking.",
    startup:
      "Firmware initialises an emulated PC, a boot loader loads the kernel and the full guest OS boots; the microvm machine type (inspired by Firecracker, no PCI or ACPI) trims most of this.",
    pros: [
      {
        text: "Li et al. use the classic QEMU/KVM machine as the strong-isolation reference, since the guest reaches hardware only through the hypervisor.",
        sources: ["li2021-closer"],
      },
      {
        text: "Li et al. found lightweight hypervisors not yet mature enough to replace traditional VMs, which remain the preferred option for many organisations.",
        sources: ["li2021-closer"],
      },
      {
        text: "The most mature and feature-complete VMM: any guest OS, many machine types and architectures, broad device and storage support.",
        sources: ["qemu-about", "kata-virtualization"],
      },
      {
        text: "Its microvm machine type, modelled on Firecracker, drops PCI and ACPI to cut boot time and footprint for short-lived guests.",
        sources: ["qemu-microvm"],
      },
    ],
    cons: [
      {
        text: "Traditional VMs carry heavy overhead in footprint and boot time; lightweight VMMs were built largely to avoid QEMU's size and start-up cost.",
        sources: ["li2021-closer", "firecracker-nsdi20"],
      },
      {
        text: "A large code base with extensive device emulation widens the VMM's attack surface compared with minimal VMMs.",
        sources: ["firecracker-nsdi20"],
      },
      NEEDS_KVM_CON,
    ],
    bestFor: ["multi-tenant-untrusted", "databases"],
    sources: ["qemu-about", "qemu-microvm", "li2021-closer"],
  },
} as const satisfies Partial<Record<RuntimeId, RuntimeFacts>>;
