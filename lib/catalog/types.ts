import type { RUNTIMES, RuntimeId } from "@/lib/runtime-ids";
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
