import type { RuntimeId } from "@/lib/runtime-ids";
import { CONTAINER_CAPABILITIES } from "./capabilities/containers";
import { GVISOR_CAPABILITIES } from "./capabilities/gvisor";
import { KATA_CAPABILITIES } from "./capabilities/kata";
import { VM_CAPABILITIES } from "./capabilities/vms";
import { CAPABILITY_IDS, CAPABILITY_LABELS, type CapabilityId } from "./capability-ids";
import type { SourceId } from "./sources";
import type { CapabilityCell, CapabilityColumn } from "./types";

export type { CapabilityCell, CapabilityColumn, Support } from "./types";

/** Bare metal is the reference point, not a sandbox: it has no column. */
export type SandboxRuntimeId = Exclude<RuntimeId, "bare-metal">;

/**
 * What each runtime offers beyond its isolation and cost (GPU, confidential computing,
 * snapshots, cloud VMs without nested virtualisation, a Kubernetes path, rootless use, its
 * interface, a container in a VM): a value, a note and sources per cell, no numbers.
 */
export const CAPABILITY_MATRIX = {
  ...CONTAINER_CAPABILITIES,
  ...GVISOR_CAPABILITIES,
  ...KATA_CAPABILITIES,
  ...VM_CAPABILITIES,
} as const satisfies Record<SandboxRuntimeId, CapabilityColumn>;

/** A runtime's column, or undefined for bare metal and runtimes the catalog does not know. */
export function capabilityColumn(runtime: string): CapabilityColumn | undefined {
  return Object.hasOwn(CAPABILITY_MATRIX, runtime)
    ? (CAPABILITY_MATRIX as Record<string, CapabilityColumn>)[runtime]
    : undefined;
}

/** Every source a runtime's column cites, in row order. */
export function capabilitySourceIds(runtime: string): SourceId[] {
  const column = capabilityColumn(runtime);
  return column ? CAPABILITY_IDS.flatMap((c) => column[c].sources) : [];
}

/** A capability a runtime lacks, and why in the catalog's own words. */
export interface UnmetRequirement {
  capability: CapabilityId;
  reason: string;
}

/**
 * The required capabilities a runtime does not offer ("partial" counts as offered: its note says
 * the limits). A runtime without a column lacks them all, since nothing vouches for it.
 */
export function unmetRequirements(runtime: string, required: readonly CapabilityId[]): UnmetRequirement[] {
  const column = capabilityColumn(runtime);
  return required.flatMap((capability) => {
    const cell: CapabilityCell | undefined = column?.[capability];
    if (cell && cell.support !== "no") return [];
    const label = CAPABILITY_LABELS[capability].label;
    return [{ capability, reason: cell ? `${label}: ${cell.note}` : `${label}: not in the capability matrix` }];
  });
}
