import type { RuntimeId } from "./runtime-ids";

/**
 * One stable colour per runtime, after the Okabe–Ito palette (distinguishable with the common
 * colour-vision deficiencies), darkened or lightened to mid tones that keep 3:1 contrast on both
 * the light and the dark page (palette.test.ts); families share a hue so related runtimes look related.
 */
export const RUNTIME_COLORS = {
  "bare-metal": "#7f7f7f",
  // The text colour, so the usual baseline is dark on light pages and light on dark ones.
  runc: "currentColor",
  crun: "#3A8FC8",
  // Between ptrace's orange and systrap's yellow: the platform is one of gVisor's, which is unknown.
  runsc: "#AE8400",
  "runsc-ptrace": "#C07F00",
  "runsc-systrap": "#9C8A00",
  "runsc-kvm": "#D55E00",
  "kata-qemu": "#0072B2",
  "kata-clh": "#009E73",
  "kata-fc": "#C0679A",
  "kata-dragonball": "#8C5CC4",
  "kuasar-vmm": "#1B9E77",
  firecracker: "#E7298A",
  "cloud-hypervisor": "#5E981B",
  "qemu-kvm": "#A6761D",
} as const satisfies Record<RuntimeId, string>;

/** For a runtime the palette does not know (a label from a manifest). */
export const OTHER_RUNTIME_COLOR = "#888888";

export function runtimeColor(id: string): string {
  return (RUNTIME_COLORS as Record<string, string>)[id] ?? OTHER_RUNTIME_COLOR;
}
