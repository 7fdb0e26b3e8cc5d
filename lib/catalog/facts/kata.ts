import type { RuntimeId } from "@/lib/runtime-ids";
import type { Claim, RuntimeFacts } from "../types";

const RATIONALE =
  "The workload's system calls go to a guest kernel inside a KVM virtual machine; reaching the host requires escaping through a VM exit into KVM and the VMM.";

/** One sentence; `vmm` names the virtual machine monitor. */
const boundary = (vmm: string) =>
  `A dedicated lightweight VM per pod with its own guest kernel, run by ${vmm}, with the containers additionally confined by namespaces and cgroups inside the guest.`;

const SYSCALLS =
  "Handled at native speed by the guest kernel; only device I/O, interrupts and some privileged operations leave the guest as VM exits to KVM and the VMM.";

const NETWORK =
  "The pod's veth (from the CNI plugin) is joined to a host tap device with tc redirect rules; the guest sees a virtio-net device, so each packet crosses the host stack, the tap, the VMM or vhost, and the guest stack.";

const startup = (vmm: string) =>
  `The Kata shim (one per pod) starts ${vmm}, which boots the guest kernel with the Kata guest image as root file system; the kata-agent starts inside the VM, and the shim asks it over vsock (ttRPC) to create the container.`;

const KATA_PROS = [
  {
    text: "Hardware virtualisation is a second layer of defence on top of namespace-based containers, and the guest kernel is not shared with the host or other pods.",
    sources: ["kata-arch", "kata-virtualization"],
  },
  {
    text: "OCI- and shim-v2-compatible, so it plugs into containerd or CRI-O as an alternative runtime class without changing images.",
    sources: ["kata-arch"],
  },
  {
    text: "Li et al. concluded that Kata is on the right track to combine a VM's security with a container's performance; their paper ranks none of the systems it measured.",
    sources: ["li2021-closer"],
  },
] as const satisfies readonly Claim[];

const KATA_CONS = [
  {
    text: "Each pod carries a guest kernel, the agent, a VMM process and usually a virtiofsd daemon, which adds memory per sandbox and start-up work compared with a container; Li et al. point to reducing this memory footprint as future work.",
    sources: ["kata-arch", "kata-storage", "li2021-closer"],
  },
  {
    text: "I/O crosses extra layers (virtio devices, the VMM, a host file-sharing daemon), so I/O-heavy work pays more than compute-bound work.",
    sources: ["kata-storage", "kata-networking", "kata-virtualization"],
  },
  {
    text: "Needs bare metal or nested virtualisation on the node, and nested virtualisation brings performance challenges; the alternative in a cloud is Kata's remote hypervisor (peer pods), which runs each pod in a separate cloud VM.",
    sources: ["kata-install", "gvisor-what-is", "kata-release-4.1"],
  },
] as const satisfies readonly Claim[];

const SHARED_FS_FILES =
  "Container root file system and volumes are shared from the host over virtio-fs, served by one virtiofsd per VM (9p in Kata 1.x); with a block-based snapshotter such as devmapper the rootfs is a virtio-blk/virtio-scsi device instead, which is faster.";

/** Kata Containers on each VMM, and Kuasar's VMM sandboxer (Cloud Hypervisor underneath). */
export const KATA_FACTS = {
  "kata-qemu": {
    family: "micro-VM sandbox",
    isolationBoundary: boundary("QEMU with KVM acceleration"),
    isolationStrength: 3,
    isolationRationale: RATIONALE,
    syscalls: SYSCALLS,
    files: SHARED_FS_FILES,
    network: NETWORK,
    startup: startup("QEMU"),
    pros: [
      ...KATA_PROS,
      {
        text: "QEMU is Kata's most mature and feature-complete VMM: full CRI support, device passthrough, CPU and memory hotplug, and the widest architecture coverage.",
        sources: ["kata-virtualization", "kata-hypervisors"],
      },
      {
        text: "The only VMM with which Kata supports GPUs, Intel TDX and AMD SEV-SNP; the Rust runtime builds with QEMU as its default hypervisor, and kata-deploy's default runtime class has been qemu-runtime-rs since Kata 4.0.",
        sources: ["kata-hypervisors", "kata-runtime-rs-makefile", "kata-deploy-values", "kata-runtime-rs-migration"],
      },
    ],
    cons: [
      ...KATA_CONS,
      {
        text: "Kata's own comparison rates QEMU's start-up latency and resource overhead as the heaviest of its VMMs.",
        sources: ["kata-virtualization"],
      },
    ],
    bestFor: ["multi-tenant-untrusted"],
    sources: ["kata-arch", "kata-storage", "kata-networking", "kata-virtualization", "li2021-closer"],
  },
  "kata-clh": {
    family: "micro-VM sandbox",
    isolationBoundary: boundary("Cloud Hypervisor, a Rust VMM"),
    isolationStrength: 3,
    isolationRationale: RATIONALE,
    syscalls: SYSCALLS,
    files: SHARED_FS_FILES,
    network: NETWORK,
    startup: startup("Cloud Hypervisor"),
    pros: [
      ...KATA_PROS,
      {
        text: "Low overhead and fast start in Kata's comparison while keeping full CRI support, virtio-fs, device hotplug and CPU/memory resizing.",
        sources: ["kata-virtualization", "kata-hypervisors"],
      },
      {
        text: "The VMM applies fine-grained seccomp filters per thread and emulates few devices, keeping its own attack surface small.",
        sources: ["kata-virtualization", "cloud-hypervisor-readme"],
      },
    ],
    cons: [...KATA_CONS],
    bestFor: ["multi-tenant-untrusted", "web-services"],
    sources: ["kata-arch", "kata-storage", "kata-networking", "kata-virtualization", "cloud-hypervisor-readme"],
  },
  "kata-fc": {
    family: "micro-VM sandbox",
    isolationBoundary: boundary("Firecracker, a minimal Rust VMM"),
    isolationStrength: 3,
    isolationRationale: RATIONALE,
    syscalls: SYSCALLS,
    files:
      "Firecracker has no shared-file-system device (no virtio-fs), so the container root file system must come from a block device (devmapper snapshotter) attached as virtio-blk.",
    network: NETWORK,
    startup: startup("Firecracker"),
    pros: [
      ...KATA_PROS,
      {
        text: "The smallest device model and, in Kata's comparison, the lowest resource overhead with very fast start; Kata suggests it for serverless/FaaS.",
        sources: ["kata-virtualization", "kata-hypervisors"],
      },
    ],
    cons: [
      ...KATA_CONS,
      {
        text: "No file-system sharing, device or CPU/memory hotplug, or device passthrough, and only partial CRI support, so some pod features are unavailable.",
        sources: ["kata-virtualization"],
      },
    ],
    bestFor: ["multi-tenant-untrusted", "serverless"],
    sources: ["kata-arch", "kata-networking", "kata-virtualization", "firecracker-design"],
  },
  "kata-dragonball": {
    family: "micro-VM sandbox",
    isolationBoundary: boundary("Dragonball, a Rust VMM built into Kata's Rust runtime (runtime-rs) as a library"),
    isolationStrength: 3,
    isolationRationale: RATIONALE,
    syscalls: SYSCALLS,
    files:
      "virtio-fs (and nydus image acceleration) built into the VMM, or virtio-blk block devices; no separate VMM process sits between the runtime and the device emulation.",
    network: NETWORK,
    startup:
      "The Rust Kata runtime (runtime-rs) boots the guest inside its own process using the built-in Dragonball VMM, so no separate hypervisor process is spawned; the kata-agent then creates the container over vsock.",
    pros: [
      ...KATA_PROS,
      {
        text: "Running the VMM inside the runtime process removes inter-process calls between them; Kata's virtualization guide rates it best for start-up latency and lowest for overhead, and still recommends it to most users, although runtime-rs itself now defaults to QEMU.",
        sources: ["kata-virtualization", "dragonball-readme", "kata-runtime-rs-makefile"],
      },
    ],
    cons: [
      ...KATA_CONS,
      {
        text: "Only available with Kata's Rust runtime (the default runtime since Kata 4.0, the Go runtime being deprecated) and purpose-built for Kata, not a standalone general-purpose VMM; not Kata's default hypervisor, which is QEMU.",
        sources: ["kata-virtualization", "dragonball-readme", "kata-runtime-rs-migration", "kata-deploy-values"],
      },
    ],
    bestFor: ["multi-tenant-untrusted", "serverless", "high-density"],
    sources: ["kata-arch", "kata-networking", "kata-virtualization", "dragonball-readme"],
  },
  "kuasar-vmm": {
    family: "micro-VM sandbox",
    isolationBoundary:
      "A KVM virtual machine per pod with its own guest kernel, launched by Kuasar's vmm-sandboxer (Cloud Hypervisor recommended; QEMU and StratoVirt also supported), with vmm-task as the guest's init running the containers.",
    isolationStrength: 3,
    isolationRationale: RATIONALE,
    syscalls: SYSCALLS,
    files:
      "Host directories and the container root file system are shared into the VM over virtio-fs, which requires a virtiofsd daemon on the host.",
    network: "A virtio-net device provided by the VMM and backed by a host tap device.",
    startup:
      "One resident sandboxer process serves all pods through containerd's Sandbox API; per pod it launches the VMM, which boots the guest kernel and vmm-task, and container I/O is carried over vsock or a Unix socket, with no per-pod shim or pause container.",
    pros: [
      {
        text: "One sandboxer process manages many pods instead of one shim per pod, and pause containers are dropped; its README reports faster sandbox start and less management overhead than Kata.",
        sources: ["kuasar-readme"],
      },
      {
        text: "The same hardware-virtualised guest-kernel boundary as Kata.",
        sources: ["kuasar-readme", "cloud-hypervisor-readme"],
      },
    ],
    cons: [
      {
        text: "Built on containerd's Sandbox API, which containerd 2.x ships: Kuasar's end-to-end tests run its runc, Wasm and Quark sandboxers on stock containerd 2.1, but its README and its VMM-sandboxer tests still use Kuasar's containerd fork, a younger integration path than Kata's shim v2.",
        sources: ["containerd-2.0", "kuasar-e2e", "kuasar-readme"],
      },
      {
        text: "Still pays for a guest kernel, a VMM and a virtiofsd per pod, and needs a virtualisation-enabled node.",
        sources: ["kuasar-readme", "li2021-closer"],
      },
    ],
    bestFor: ["multi-tenant-untrusted", "high-density"],
    sources: ["kuasar-readme", "cloud-hypervisor-readme"],
  },
} as const satisfies Partial<Record<RuntimeId, RuntimeFacts>>;
