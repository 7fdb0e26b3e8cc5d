import { z } from "zod";
import { CATEGORIES, isCategory, type Category } from "@/lib/categories";
import type { IsolationStrength } from "./isolation";

/** The six use cases practitioners ask about (shared/docs/domain.md). */
export const USE_CASE_IDS = [
  "multi-tenant-untrusted",
  "serverless",
  "web-services",
  "databases",
  "batch-hpc",
  "high-density",
] as const;
export type UseCaseId = (typeof USE_CASE_IDS)[number];

/** Relative importance of each category; omitted categories count as 0. */
export type Weights = Partial<Record<Category, number>>;

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
  /** Why these weights (and minimum isolation). */
  readonly why: string;
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
    why: "Cold starts sit on the request path, so start-up weighs most, then memory per sandbox, which sets density. Functions are short and varied, so compute, memory, network and system-call cost count once each. Platforms run other people's code, hence at least a user-space kernel.",
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
    why: "End-to-end web benchmarks (Nginx under wrk/ab) are the closest proxy, so they weigh most; raw network cost comes next. Small requests make many system calls, and request handling needs some CPU.",
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

/** True when `s` is a built-in use case id. */
export function isUseCaseId(s: string): s is UseCaseId {
  return (USE_CASE_IDS as readonly string[]).includes(s);
}

/** Why a weights string was rejected; the message names the offending part. */
export class WeightsParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WeightsParseError";
  }
}

const MAX_WEIGHTS_LENGTH = 500;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Parses custom weights as written in a URL: `cpu:1,disk:2`. Entries are comma-separated
 * `category:weight` pairs; spaces around parts are ignored; weights are non-negative decimals;
 * each category may appear once; at least one weight must be positive.
 * @throws {WeightsParseError} naming the bad entry, category or value.
 */
export function parseWeights(input: string): Weights {
  if (input.length > MAX_WEIGHTS_LENGTH) throw new WeightsParseError(`weights are longer than ${MAX_WEIGHTS_LENGTH} characters`);
  const text = input.trim();
  if (text === "") throw new WeightsParseError("weights are empty: expected e.g. \"cpu:1,disk:2\"");
  const out: Weights = {};
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (entry === "") throw new WeightsParseError(`empty entry in "${text}" (stray comma?)`);
    const colon = entry.indexOf(":");
    if (colon < 0) throw new WeightsParseError(`"${entry}" is not category:weight`);
    const name = entry.slice(0, colon).trim();
    const value = entry.slice(colon + 1).trim();
    if (!isCategory(name)) {
      throw new WeightsParseError(`unknown category "${name}" in "${entry}" (expected one of ${CATEGORIES.join(", ")})`);
    }
    if (Object.hasOwn(out, name)) throw new WeightsParseError(`category "${name}" is given more than once`);
    if (value.startsWith("-") && NUMBER.test(value.slice(1))) throw new WeightsParseError(`weight for "${name}" must not be negative, got "${value}"`);
    const n = Number(value);
    if (!NUMBER.test(value) || !Number.isFinite(n)) throw new WeightsParseError(`weight for "${name}" is not a number: "${value}"`);
    out[name] = n;
  }
  if (!Object.values(out).some((w) => w > 0)) throw new WeightsParseError(`all weights in "${text}" are zero`);
  return out;
}

/** Writes weights in the form {@link parseWeights} reads, in category order, skipping omitted ones. */
export function formatWeights(weights: Weights): string {
  return CATEGORIES.filter((c) => weights[c] !== undefined)
    .map((c) => `${c}:${weights[c]}`)
    .join(",");
}

/** Zod schema for a weights object: known categories, finite non-negative numbers, not all zero. */
export const weightsSchema = z
  .partialRecord(z.enum(CATEGORIES), z.number().finite().nonnegative())
  .refine((w) => Object.values(w).some((v) => v !== undefined && v > 0), { message: "at least one weight must be positive" });

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

/** Scales weights to sum to 1, dropping zeros; the input must have a positive weight. */
export function normalizeWeights(weights: Weights): Weights {
  const entries = CATEGORIES.flatMap((c) => {
    const w = weights[c];
    return w !== undefined && w > 0 ? [[c, w] as const] : [];
  });
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  if (!(total > 0)) throw new RangeError("weights need at least one positive value");
  return Object.fromEntries(entries.map(([c, w]) => [c, w / total])) as Weights;
}
