import type { RuntimeId } from "./runtime-ids";

/**
 * One stable colour per runtime, from the Okabe–Ito palette (distinguishable with the common
 * colour-vision deficiencies); families share a hue family so related runtimes look related.
 */
const RUNTIME_COLORS = {
  "bare-metal": "#7f7f7f",
  // The text colour, so the usual baseline is black on light pages and light on dark ones.
  runc: "currentColor",
  crun: "#56B4E9",
  // Between ptrace's orange and systrap's yellow: the platform is one of gVisor's, which is unknown.
  runsc: "#C9A227",
  "runsc-ptrace": "#E69F00",
  "runsc-systrap": "#F0E442",
  "runsc-kvm": "#D55E00",
  "kata-qemu": "#0072B2",
  "kata-clh": "#009E73",
  "kata-fc": "#CC79A7",
  "kata-dragonball": "#6A3D9A",
  "kuasar-vmm": "#1B9E77",
  firecracker: "#E7298A",
  "cloud-hypervisor": "#66A61E",
  "qemu-kvm": "#A6761D",
} as const satisfies Record<RuntimeId, string>;

export function runtimeColor(id: string): string {
  return (RUNTIME_COLORS as Record<string, string>)[id] ?? "#999999";
}
