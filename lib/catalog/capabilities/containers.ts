import type { RuntimeId } from "@/lib/runtime-ids";
import type { CapabilityCell, CapabilityColumn } from "../types";

const NO_NESTED_NEEDED = {
  support: "yes",
  note: "Namespaces and cgroups of the host kernel; no virtualisation needed.",
  sources: ["gvisor-what-is", "runc-readme"],
} as const satisfies CapabilityCell;

const NOT_CONFIDENTIAL_KERNEL = "The host kernel runs the workload and sees all of its memory.";

/** runc and crun: namespace containers on the host kernel. */
export const CONTAINER_CAPABILITIES = {
  runc: {
    gpu: {
      support: "yes",
      note: "Host devices are passed in; NVIDIA's container runtime delegates to runc by default.",
      sources: ["gvisor-gpu"],
    },
    confidential: { support: "no", note: NOT_CONFIDENTIAL_KERNEL, sources: ["gvisor-intro"] },
    snapshot: {
      support: "yes",
      note: "runc checkpoint and restore, through CRIU.",
      sources: ["runc-checkpoint", "runc-readme"],
    },
    "no-nested-virt": NO_NESTED_NEEDED,
    kubernetes: {
      support: "yes",
      note: "The most used OCI runtime, behind containerd or CRI-O.",
      sources: ["crun-readme", "runc-readme"],
    },
    rootless: { support: "yes", note: "runc spec --rootless, on user namespaces.", sources: ["runc-readme"] },
    "oci-cri": { support: "yes", note: "An OCI runtime; CRI through containerd or CRI-O.", sources: ["runc-readme"] },
    "container-in-vm": { support: "no", note: "A shared-kernel container.", sources: ["gvisor-intro"] },
  },
  crun: {
    gpu: {
      support: "yes",
      note: "Host devices are passed in as with runc; NVIDIA's container runtime wraps a configurable OCI runtime.",
      sources: ["gvisor-gpu", "crun-readme"],
    },
    confidential: {
      support: "partial",
      note: "Only in krun mode with the sev variant (AMD SEV) or AWS Nitro Enclaves.",
      sources: ["crun-krun"],
    },
    snapshot: { support: "yes", note: "crun checkpoint and restore, through CRIU.", sources: ["crun-manual"] },
    "no-nested-virt": {
      ...NO_NESTED_NEEDED,
      note: "Namespaces and cgroups of the host kernel; only krun mode needs KVM.",
      sources: ["crun-readme", "crun-krun"],
    },
    kubernetes: {
      support: "yes",
      note: "An OCI runtime behind containerd or CRI-O, like runc.",
      sources: ["crun-readme", "runc-readme"],
    },
    rootless: { support: "yes", note: "crun --rootless, on user namespaces.", sources: ["crun-manual"] },
    "oci-cri": { support: "yes", note: "Conforms to the OCI runtime specification.", sources: ["crun-readme"] },
    "container-in-vm": {
      support: "partial",
      note: "Experimental krun handler (or the krun symlink): the container runs in a libkrun micro-VM.",
      sources: ["crun-manual", "crun-krun"],
    },
  },
} as const satisfies Partial<Record<RuntimeId, CapabilityColumn>>;
