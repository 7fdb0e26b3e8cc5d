/**
 * The capabilities the catalog records per runtime (data: ./capabilities.ts), apart from their
 * cells: the URL contract (lib/search-params.ts) needs the ids a guide case can require, and client
 * components may import this without the catalog's text.
 */

/** Rows of the capability matrix, in display order. */
export const CAPABILITY_IDS = [
  "gpu",
  "confidential",
  "snapshot",
  "no-nested-virt",
  "kubernetes",
  "rootless",
  "oci-cri",
  "container-in-vm",
] as const;
export type CapabilityId = (typeof CAPABILITY_IDS)[number];

/** A short label and the question each capability answers. */
export const CAPABILITY_LABELS = {
  gpu: { label: "GPU and accelerators", question: "Can the workload use a GPU or other accelerator of the host?" },
  confidential: {
    label: "Confidential computing",
    question: "Can the guest be protected from the host (Intel TDX, AMD SEV-SNP)? The opposite direction to isolation.",
  },
  snapshot: { label: "Snapshot / checkpoint", question: "Can a running sandbox be saved and restored (or migrated)?" },
  "no-nested-virt": {
    label: "In a cloud VM without nested virtualisation",
    question: "Does it run inside an ordinary cloud VM, with no /dev/kvm?",
  },
  kubernetes: { label: "Kubernetes path", question: "Is there a supported way to run pods with it?" },
  rootless: { label: "Rootless", question: "Can an unprivileged user run it?" },
  "oci-cri": {
    label: "OCI / CRI interface",
    question: "Does it take OCI bundles, or serve the CRI through containerd?",
  },
  "container-in-vm": {
    label: "Container in a VM",
    question: "Does it run an OCI container inside a hardware-virtualised guest (its own kernel)?",
  },
} as const satisfies Record<CapabilityId, { label: string; question: string }>;

/** What a guide case can require: capabilities that decide whether a runtime is usable at all. */
export const REQUIREMENT_IDS = [
  "gpu",
  "no-nested-virt",
  "kubernetes",
  "snapshot",
] as const satisfies readonly CapabilityId[];
export type RequirementId = (typeof REQUIREMENT_IDS)[number];

/** True when `s` names a requirement a guide case can have. */
export function isRequirementId(s: string): s is RequirementId {
  return (REQUIREMENT_IDS as readonly string[]).includes(s);
}
