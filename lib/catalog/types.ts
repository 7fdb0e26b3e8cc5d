import type { RUNTIMES, RuntimeId } from "@/lib/runtime-ids";
import type { CapabilityId } from "./capability-ids";
import type { IsolationStrength } from "./isolation";
import type { SourceId } from "./sources";
import type { UseCaseId } from "./use-case-ids";

/**
 * A qualitative statement (mechanism or trade-off) with the sources that back it. Never a
 * measured number: numbers come from measured rows at render time.
 */
export interface Claim {
  readonly text: string;
  /** At least one registered source. */
  readonly sources: readonly [SourceId, ...SourceId[]];
}

/** The family named in lib/runtime-ids.ts for a runtime id. */
export type RuntimeFamily = (typeof RUNTIMES)[RuntimeId]["family"];

/** What the catalog knows about one runtime: its boundary, its I/O paths, and cited trade-offs. */
export interface RuntimeFacts {
  /** Same as RUNTIMES[id].family. */
  readonly family: RuntimeFamily;
  /** One sentence: what separates the workload from the host. */
  readonly isolationBoundary: string;
  /** Level on the ordinal scale in ./isolation.ts. */
  readonly isolationStrength: IsolationStrength;
  /** One line: why this level. */
  readonly isolationRationale: string;
  /** How system calls are handled. */
  readonly syscalls: string;
  /** The file I/O path. */
  readonly files: string;
  /** The network path. */
  readonly network: string;
  /** What happens between "run" and the workload's first instruction. */
  readonly startup: string;
  readonly pros: readonly Claim[];
  readonly cons: readonly Claim[];
  /**
   * Use cases this runtime is a reasonable prior for, from upstream guidance. A starting point
   * only: recommendations must rest on measured rows and respect the use case's minIsolation.
   */
  readonly bestFor: readonly UseCaseId[];
  /** Sources behind the descriptive fields (boundary, syscalls, files, network, startup). */
  readonly sources: readonly [SourceId, ...SourceId[]];
}

/** How far a runtime offers a capability: fully, with limits worth reading, or not. */
export type Support = "yes" | "partial" | "no";

/** One cell of the capability matrix: a value, a short note and the sources that say it. */
export interface CapabilityCell {
  readonly support: Support;
  /** A phrase, no numbers: what exactly is (or is not) offered, or the way around it. */
  readonly note: string;
  readonly sources: readonly [SourceId, ...SourceId[]];
}

/** A runtime's column of the matrix: every capability, each with its cell. */
export type CapabilityColumn = Readonly<Record<CapabilityId, CapabilityCell>>;
