import type { RuntimeId } from "@/lib/runtime-ids";
import type { Claim, RuntimeFacts } from "../types";

const RATIONALE =
  "The workload runs on its own guest kernel inside a KVM virtual machine; reaching the host requires escaping through a VM exit into KVM and the VMM.";

const SYSCALLS =
  "Handled at native speed by the guest kernel; only device I/O, interrupts and some privileged operations leave the guest as VM exits to KVM and the VMM.";

const GUEST_MEMORY_CON = {
  text: "Each VM is sized in fixed guest resources and boots its own kernel, so per-sandbox footprint and start-up stay above a container's; Li et al. point to reducing this memory footprint as future work.",
  sources: ["gvisor-what-is", "li2021-closer"],
} as const satisfies Claim;

const NEEDS_KVM_CON = {
  text: "Needs hardware virtualisation (/dev/kvm) on the host; inside a cloud VM that means nested virtualisation, which brings its own performance challenges.",
  sources: ["gvisor-what-is", "firecracker-readme", "cloud-hypervisor-readme"],
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
      "virtio-block devices (and, since 1.14, virtio-pmem) backed by host files that must already hold a file system the guest understands; there is no shared-directory device (no virtio-fs or 9p).",
    network:
      "virtio-net backed by a host tap device; the VMM copies frames between them and can apply per-interface rate limits.",
    startup:
      "The VMM process starts (normally under the jailer), is configured over its HTTP API with kernel, root drive, vCPUs and memory, and then loads the guest kernel directly, without firmware (and without PCI unless started with --enable-pci), and boots to init; production platforms usually restore a snapshot instead of booting.",
    pros: [
      {
        text: "Built for serverless: a deliberately small device model (virtio-net, virtio-block and vsock, plus entropy, balloon and, since 1.14, virtio-pmem and virtio-mem memory hotplug; a serial console and a minimal keyboard controller) keeps boot fast and the VMM's memory overhead small.",
        sources: ["firecracker-nsdi20", "firecracker-design", "firecracker-readme", "firecracker-changelog"],
      },
      {
        text: "Defence in depth: guest vCPU threads are treated as hostile from the start, and the VMM itself runs with per-thread seccomp filters inside a jail.",
        sources: ["firecracker-design"],
      },
      {
        text: "Designed for dense multi-tenant hosts: guest memory is faulted in on demand and CPU can be oversubscribed by default, and token-bucket rate limiters share disk and network fairly between microVMs.",
        sources: ["firecracker-readme", "firecracker-design", "firecracker-nsdi20"],
      },
    ],
    cons: [
      {
        text: "I/O goes through simple emulated virtio devices in the VMM; in the paper's own network test a guest got less throughput than a QEMU guest and far less than host loopback.",
        sources: ["firecracker-nsdi20"],
      },
      {
        text: "Minimalism limits features: no shared file system (virtio-fs) and no VFIO device or GPU passthrough at all; PCI exists only as an opt-in transport for its own virtio devices (--enable-pci since 1.13, hot-plug a developer preview since 1.16).",
        sources: ["firecracker-changelog", "firecracker-readme", "kata-virtualization", "kata-hypervisors"],
      },
      {
        text: "Each microVM still boots its own guest kernel, so start-up and per-sandbox footprint stay above a container's unless the platform restores from snapshots.",
        sources: ["firecracker-design", "firecracker-changelog", "li2021-closer"],
      },
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
        text: "More general-purpose than Firecracker: CPU, memory and PCI hotplug, VFIO device passthrough, virtio-fs, snapshot/restore and live migration.",
        sources: [
          "cloud-hypervisor-readme",
          "cloud-hypervisor-vfio",
          "cloud-hypervisor-snapshot",
          "kata-virtualization",
        ],
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
    // Not web services: that case needs a container or Kubernetes path, which a bare VMM lacks (Kata's has one).
    bestFor: ["multi-tenant-untrusted"],
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
