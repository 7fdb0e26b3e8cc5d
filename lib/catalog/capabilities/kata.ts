import type { RuntimeId } from "@/lib/runtime-ids";
import type { CapabilityCell, CapabilityColumn } from "../types";

const NEEDS_KVM = {
  support: "no",
  note: "Needs bare metal or nested virtualisation; Kata's peer pods (remote hypervisor) run each pod in its own cloud VM instead.",
  sources: ["kata-install", "kata-release-4.1"],
} as const satisfies CapabilityCell;

const NO_CHECKPOINT = {
  support: "no",
  note: "Kata provides no checkpoint or restore command.",
  sources: ["kata-limitations"],
} as const satisfies CapabilityCell;

const NOT_WITH_THIS_VMM = (what: string): CapabilityCell => ({
  support: "no",
  note: `Kata supports ${what} with QEMU only.`,
  sources: ["kata-hypervisors"],
});

const IN_A_VM = {
  support: "yes",
  note: "Each pod in a lightweight VM with its own guest kernel.",
  sources: ["kata-virtualization"],
} as const satisfies CapabilityCell;

const KATA_DEPLOY = {
  support: "yes",
  note: "RuntimeClass installed by kata-deploy's Helm chart.",
  sources: ["kata-deploy-values"],
} as const satisfies CapabilityCell;

const SHIM_V2 = {
  support: "yes",
  note: "An OCI-compatible shim v2 runtime behind containerd or CRI-O; full CRI support.",
  sources: ["kata-arch", "kata-virtualization"],
} as const satisfies CapabilityCell;

const ROOTLESS_VMM = {
  support: "partial",
  note: "The VMM can run as a non-root user; the runtime itself still runs as root.",
  sources: ["kata-rootless-vmm"],
} as const satisfies CapabilityCell;

const NO_ROOTLESS_VMM = {
  support: "no",
  note: "Kata's rootless-VMM mode covers QEMU and Cloud Hypervisor only.",
  sources: ["kata-rootless-vmm"],
} as const satisfies CapabilityCell;

/** Kata on each VMM, and Kuasar's VMM sandboxer. */
export const KATA_CAPABILITIES = {
  "kata-qemu": {
    gpu: {
      support: "yes",
      note: "NVIDIA GPU passthrough (kata-qemu-nvidia-gpu runtime classes); Kata's GPU work targets QEMU.",
      sources: ["kata-hypervisors", "kata-gpu"],
    },
    confidential: {
      support: "yes",
      note: "Intel TDX and AMD SEV-SNP, with QEMU only.",
      sources: ["kata-hypervisors"],
    },
    snapshot: NO_CHECKPOINT,
    "no-nested-virt": NEEDS_KVM,
    kubernetes: {
      ...KATA_DEPLOY,
      note: "RuntimeClass via kata-deploy; qemu-runtime-rs is its default since Kata 4.0.",
      sources: ["kata-deploy-values", "kata-runtime-rs-migration"],
    },
    rootless: ROOTLESS_VMM,
    "oci-cri": SHIM_V2,
    "container-in-vm": IN_A_VM,
  },
  "kata-clh": {
    gpu: NOT_WITH_THIS_VMM("GPUs"),
    confidential: NOT_WITH_THIS_VMM("TDX and SEV-SNP"),
    snapshot: NO_CHECKPOINT,
    "no-nested-virt": NEEDS_KVM,
    kubernetes: KATA_DEPLOY,
    rootless: ROOTLESS_VMM,
    "oci-cri": SHIM_V2,
    "container-in-vm": IN_A_VM,
  },
  "kata-fc": {
    gpu: {
      support: "no",
      note: "No VFIO passthrough with Firecracker, and Kata supports GPUs with QEMU only.",
      sources: ["kata-virtualization", "kata-hypervisors"],
    },
    confidential: NOT_WITH_THIS_VMM("TDX and SEV-SNP"),
    snapshot: NO_CHECKPOINT,
    "no-nested-virt": NEEDS_KVM,
    kubernetes: {
      support: "partial",
      note: "RuntimeClass via kata-deploy, but only partial CRI support (no file sharing or hotplug).",
      sources: ["kata-deploy-values", "kata-virtualization"],
    },
    rootless: NO_ROOTLESS_VMM,
    "oci-cri": {
      support: "partial",
      note: "A shim v2 runtime, with partial CRI support.",
      sources: ["kata-arch", "kata-virtualization"],
    },
    "container-in-vm": IN_A_VM,
  },
  "kata-dragonball": {
    gpu: NOT_WITH_THIS_VMM("GPUs"),
    confidential: NOT_WITH_THIS_VMM("TDX and SEV-SNP"),
    snapshot: NO_CHECKPOINT,
    "no-nested-virt": NEEDS_KVM,
    kubernetes: {
      ...KATA_DEPLOY,
      note: "RuntimeClass via kata-deploy, with the Rust runtime.",
      sources: ["kata-deploy-values", "kata-virtualization"],
    },
    rootless: NO_ROOTLESS_VMM,
    "oci-cri": SHIM_V2,
    "container-in-vm": IN_A_VM,
  },
  "kuasar-vmm": {
    gpu: { support: "no", note: "None documented.", sources: ["kuasar-readme"] },
    confidential: { support: "no", note: "None documented.", sources: ["kuasar-readme"] },
    snapshot: { support: "no", note: "None documented.", sources: ["kuasar-readme"] },
    "no-nested-virt": {
      support: "no",
      note: "The microVM sandboxer needs a virtualisation-enabled host.",
      sources: ["kuasar-readme"],
    },
    kubernetes: {
      support: "yes",
      note: "A containerd sandboxer, reached through the CRI (containerd 2.x ships the Sandbox API).",
      sources: ["kuasar-readme", "containerd-2.0"],
    },
    rootless: { support: "no", note: "None documented.", sources: ["kuasar-readme"] },
    "oci-cri": {
      support: "partial",
      note: "CRI through containerd's Sandbox API; no OCI runtime binary or shim.",
      sources: ["kuasar-readme"],
    },
    "container-in-vm": {
      support: "yes",
      note: "Each pod in a microVM (Cloud Hypervisor, QEMU or StratoVirt).",
      sources: ["kuasar-readme"],
    },
  },
} as const satisfies Partial<Record<RuntimeId, CapabilityColumn>>;
