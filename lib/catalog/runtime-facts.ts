import type { RuntimeId } from "@/lib/runtime-ids";
import { capabilitySourceIds } from "./capabilities";
import { CONTAINER_FACTS } from "./facts/containers";
import { GVISOR_FACTS } from "./facts/gvisor";
import { KATA_FACTS } from "./facts/kata";
import { VM_FACTS } from "./facts/vms";
import { resolveSources, type Source, type SourceId } from "./sources";
import type { Claim, RuntimeFacts } from "./types";

export type { Claim, RuntimeFacts, RuntimeFamily } from "./types";

/**
 * Qualitative knowledge about every canonical runtime: isolation boundary and level (scale in
 * ./isolation.ts), system-call, file and network paths, start-up, cited pros and cons, and the use
 * cases it is a reasonable prior for. No measured numbers live here.
 */
export const RUNTIME_FACTS = {
  ...CONTAINER_FACTS,
  ...GVISOR_FACTS,
  ...KATA_FACTS,
  ...VM_FACTS,
} as const satisfies Record<RuntimeId, RuntimeFacts>;

/** Every claim of a runtime, pros first. */
export function runtimeClaims(id: RuntimeId): readonly Claim[] {
  const facts: RuntimeFacts = RUNTIME_FACTS[id];
  return [...facts.pros, ...facts.cons];
}

/** All sources a runtime's page relies on (descriptive fields, claims, capabilities), de-duplicated. */
export function runtimeSources(id: RuntimeId): Source[] {
  const facts: RuntimeFacts = RUNTIME_FACTS[id];
  const ids: SourceId[] = [
    ...facts.sources,
    ...runtimeClaims(id).flatMap((c) => c.sources),
    ...capabilitySourceIds(id),
  ];
  return resolveSources(ids);
}
