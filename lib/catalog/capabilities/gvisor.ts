import type { RuntimeId } from "@/lib/runtime-ids";
import type { CapabilityCell, CapabilityColumn } from "../types";

/** Everything but the platform-dependent cell is the same for every gVisor platform. */
const common = (noNestedVirt: CapabilityCell): CapabilityColumn => ({
  gpu: {
    support: "partial",
    note: "nvproxy (--nvproxy) runs most CUDA programs on preselected NVIDIA driver versions; tpuproxy for TPUs.",
    sources: ["gvisor-gpu"],
  },
  confidential: {
    support: "no",
    note: "Not offered: gVisor protects the host from the workload, not the reverse.",
    sources: ["gvisor-what-is"],
  },
  snapshot: {
    support: "yes",
    note: "runsc checkpoint and runsc restore, from raw runsc commands.",
    sources: ["gvisor-checkpoint"],
  },
  "no-nested-virt": noNestedVirt,
  kubernetes: {
    support: "yes",
    note: "RuntimeClass through the containerd shim; GKE Sandbox on Google Cloud.",
    sources: ["gvisor-kubernetes"],
  },
  rootless: {
    support: "yes",
    note: "runsc --rootless, or under rootless Docker or Podman.",
    sources: ["gvisor-rootless"],
  },
  "oci-cri": {
    support: "yes",
    note: "runsc is an OCI runtime; CRI through its containerd shim.",
    sources: ["gvisor-what-is", "gvisor-kubernetes"],
  },
  "container-in-vm": {
    support: "no",
    note: "An application kernel in a host process; no virtual hardware, even on KVM.",
    sources: ["gvisor-platforms"],
  },
});

const NO_VIRTUALISATION = "Needs no virtualisation support: runs inside any cloud VM.";

/** gVisor on each platform, and with the platform not recorded. */
export const GVISOR_CAPABILITIES = {
  "runsc-ptrace": common({
    support: "yes",
    note: `${NO_VIRTUALISATION} No longer supported upstream.`,
    sources: ["gvisor-platforms"],
  }),
  "runsc-systrap": common({
    support: "yes",
    note: `${NO_VIRTUALISATION} The recommended platform inside VMs.`,
    sources: ["gvisor-platforms", "gvisor-changing-platforms"],
  }),
  "runsc-kvm": common({
    support: "no",
    note: "Needs /dev/kvm; nested virtualisation performs poorly and is not recommended for production.",
    sources: ["gvisor-changing-platforms"],
  }),
  runsc: common({
    support: "partial",
    note: "Depends on the platform, which was not recorded: systrap and ptrace need no KVM, the KVM platform does.",
    sources: ["gvisor-platforms"],
  }),
} as const satisfies Partial<Record<RuntimeId, CapabilityColumn>>;
