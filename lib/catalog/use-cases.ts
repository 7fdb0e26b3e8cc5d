/**
 * The built-in use cases, and zod schemas for weights. Client components import
 * use-case-ids.ts and weights.ts instead, which keeps this text and zod out of the browser.
 */
import { z } from "zod";
import { CATEGORIES, type Category } from "@/lib/categories";
import type { RequirementId } from "./capability-ids";
import type { IsolationStrength } from "./isolation";
import type { UseCaseId } from "./use-case-ids";
import { parseWeights, WeightsParseError, type Weights } from "./weights";

/** A workload profile that turns per-category overhead ratios into one weighted summary. */
export interface UseCase {
  readonly id: UseCaseId;
  readonly title: string;
  readonly summary: string;
  /** Relative weights for a weighted geometric mean of overhead ratios; only ratios matter. */
  readonly weights: Weights;
  /** Metric names (as stored by the parsers) that best express the case, per category, preferred first. */
  readonly metricHints?: Partial<Record<Category, readonly string[]>>;
  /** Lowest acceptable level on the isolation scale; runtimes below it are not recommended. */
  readonly minIsolation?: IsolationStrength;
  /** Capabilities a runtime must offer to be usable here (lib/catalog/capabilities.ts); others are set apart. */
  readonly requires?: readonly RequirementId[];
  /** Why these weights (and minimum isolation, and requirements). */
  readonly why: string;
  /** What the measured numbers do not capture for this case, said next to the ranking. */
  readonly caveat?: string;
}

/** The built-in use cases. */
export const USE_CASES = {
  "multi-tenant-untrusted": {
    id: "multi-tenant-untrusted",
    title: "Multi-tenant untrusted code",
    summary: "CI runners, code sandboxes and AI agents running code nobody reviewed, side by side with other tenants.",
    weights: { syscall: 2, disk: 2, cpu: 1, memory: 1, network: 1, startup: 1, footprint: 1 },
    metricHints: { disk: ["read_iops", "write_iops"], startup: ["wall_time"], footprint: ["rss", "max_rss"] },
    minIsolation: 2,
    why: "The boundary is the point, so anything sharing the host kernel directly is excluded. Builds, tests and agent tool calls are process- and file-heavy, so system calls and disk count double; CPU, memory, network, start-up and footprint all matter a little.",
  },
  serverless: {
    id: "serverless",
    title: "Serverless / FaaS",
    summary: "Short-lived functions from many customers, started on demand and packed densely.",
    weights: { startup: 3, footprint: 2, cpu: 1, memory: 1, network: 1, syscall: 1 },
    metricHints: { startup: ["wall_time"], footprint: ["rss", "max_rss", "mem_used"] },
    minIsolation: 2,
    why: "Cold starts sit on the request path, so start-up weighs most, then memory per sandbox, which sets density. Functions are short and varied, so compute, memory, network and system-call cost count once each. Platforms run other people's code, hence at least an application kernel.",
    caveat:
      "Production platforms restore sandboxes from snapshots (Firecracker's are generally available since 1.13) rather than booting each one, and cold-boot start-up numbers do not measure a restore. Require snapshots to set apart runtimes without them.",
  },
  "web-services": {
    id: "web-services",
    title: "Web services",
    summary: "Request/response servers where throughput and tail latency decide the user experience.",
    weights: { web: 3, network: 2, syscall: 1, cpu: 1 },
    metricHints: {
      web: ["latency_p99", "latency_p95", "requests_per_s"],
      network: ["sent_throughput", "received_throughput", "rtt_avg"],
    },
    requires: ["kubernetes"],
    why: "End-to-end web benchmarks (Nginx under wrk/ab) are the closest proxy, so they weigh most; raw network cost comes next. Small requests make many system calls, and request handling needs some CPU. Services ship as container images, usually to Kubernetes, so a runtime needs a container or Kubernetes path.",
  },
  databases: {
    id: "databases",
    title: "Databases",
    summary: "Stateful stores dominated by fsync, random I/O and many small system calls.",
    weights: { database: 3, disk: 2, syscall: 1, memory: 1 },
    metricHints: {
      database: ["transactions_per_s", "latency_p95", "queries_per_s"],
      disk: ["fsyncs_per_s", "read_iops", "write_iops"],
    },
    why: "Measured database workloads (MySQL, Redis) weigh most; disk I/O, especially fsync and random access, comes next. Key-value traffic is syscall-bound and buffer pools lean on memory bandwidth.",
  },
  "batch-hpc": {
    id: "batch-hpc",
    title: "CPU-bound batch / HPC",
    summary: "Long compute jobs where little difference between runtimes is expected.",
    weights: { cpu: 3, memory: 2, disk: 1 },
    metricHints: { cpu: ["events_per_s", "bogo_ops_per_s_real"], memory: ["transfer_rate"] },
    why: "Work is dominated by instructions and memory bandwidth, which sandboxes barely touch once running; disk counts a little for input and checkpoints. Start-up is amortised over long jobs and ignored.",
  },
  "high-density": {
    id: "high-density",
    title: "High density",
    summary: "As many sandboxes per host as possible, most of them idle at any moment.",
    weights: { footprint: 3, startup: 1, memory: 1, cpu: 1 },
    metricHints: { footprint: ["rss", "max_rss", "mem_used"], startup: ["wall_time"] },
    why: "Memory per sandbox is what caps density, so footprint weighs most; start-up, memory and CPU cost count once for churn and steady work. No minimum isolation: set one when tenants are untrusted.",
  },
} as const satisfies Record<UseCaseId, UseCase>;

/** Zod schema for a weights object: known categories, finite non-negative numbers, not all zero. */
export const weightsSchema = z
  .partialRecord(z.enum(CATEGORIES), z.number().finite().nonnegative())
  .refine((w) => Object.values(w).some((v) => v !== undefined && v > 0), {
    message: "at least one weight must be positive",
  });

/** Zod schema for the URL form (`cpu:1,disk:2`), yielding weights; issues carry parseWeights' message. */
export const weightsParamSchema = z.string().transform((s, ctx): Weights => {
  try {
    return parseWeights(s);
  } catch (err) {
    if (!(err instanceof WeightsParseError)) throw err;
    ctx.addIssue({ code: "custom", message: err.message });
    return z.NEVER;
  }
});
