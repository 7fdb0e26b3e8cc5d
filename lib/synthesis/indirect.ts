import { sumLogRatios, type LogEstimate } from "../overhead/log-ratio";
import { pooledPercents, poolRandomEffects, type PooledEffect } from "./pool";
import type { BridgeEffect, DatasetRows, Study } from "./studies";

/** Bridges preferred in this order: the lightest boundaries, closest to the baseline and most often measured. */
const PREFERRED_BRIDGES = ["bare-metal", "runc", "crun"];

/** Candidate bridges best first: bare metal, runc, crun, then the most direct studies, then by name. */
export function rankBridges<B extends BridgeEffect>(candidates: readonly B[]): B[] {
  const rank = (b: B) => {
    const i = PREFERRED_BRIDGES.indexOf(b.runtime);
    return i < 0 ? PREFERRED_BRIDGES.length : i;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b) || b.k - a.k || a.runtime.localeCompare(b.runtime));
}

/**
 * A study against a bridge turned into indirect evidence against the baseline: log ratios add
 * (R/B · B/baseline = R/baseline), variances add, with Satterthwaite's df.
 */
export function bridgeStudy(leg: Study, bridge: BridgeEffect, baseline: string): Study {
  return {
    ...leg,
    ...sumLogRatios([leg, bridge.effect]),
    reference: baseline,
    bridge: { ...bridge, leg: legEstimate(leg) },
  };
}

function legEstimate(s: LogEstimate): LogEstimate {
  return { logRatio: s.logRatio, variance: s.variance, df: s.df };
}

/**
 * Indirect studies of a host that lacks the baseline: in each category, its runtimes against the
 * best bridge it measured there that has a pooled direct effect (`bridges`, by category).
 */
export function indirectStudies(
  host: DatasetRows,
  bridges: ReadonlyMap<string, readonly BridgeEffect[]>,
  baseline: string,
): Study[] {
  const out: Study[] = [];
  for (const [category, candidates] of bridges) {
    for (const bridge of rankBridges(candidates.filter((c) => host.runtimes.includes(c.runtime)))) {
      const legs = (host.studiesAgainst(bridge.runtime) ?? []).filter((s) => s.category === category);
      if (legs.length === 0) continue;
      out.push(...legs.map((leg) => bridgeStudy(leg, bridge, baseline)));
      break;
    }
  }
  return out;
}

/**
 * Pools indirect studies that went through one bridge without counting the bridge twice: their legs
 * by random effects, then the bridge's effect added once (pooling the sums would treat the bridge's
 * own studies as k independent replications). Weights, τ² and I² are the legs'.
 */
export function poolThroughBridge(studies: readonly Study[], bridge: LogEstimate): PooledEffect {
  const legs = poolRandomEffects(studies.map((s) => s.bridge!.leg));
  if (legs.estimate === null) return legs;
  const estimate = sumLogRatios([legs.estimate, bridge]);
  return { ...legs, estimate, ...pooledPercents(estimate) };
}
