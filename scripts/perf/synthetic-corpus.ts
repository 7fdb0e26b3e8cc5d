/**
 * Synthetic benchmark corpora: copies of the real parser fixtures with jittered numbers, laid
 * out as `<dataset>/<host>/<runtime>/<repetition>-<fixture>` under a manifest naming the
 * dataset and host. For load and ingest benchmarks only; dataset names start with
 * `synthetic-` so such data can never pass for measurements.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { detectParser } from "@/lib/parsers";
import { goodFixtures, type FixtureFile } from "@/lib/parsers/__test__/good-fixtures";
import { RUNTIME_IDS } from "@/lib/runtime-ids";
import { jitterNumbers, safeCandidates, seededRandom } from "./jitter";

export const SYNTHETIC_PREFIX = "synthetic-";
/** Per-number noise of every copy (± 3 %). */
const SPREAD = 0.03;
/** Runtime k (runc = 0) has its numbers scaled by 1 + 0.04·k: a made-up, visible difference per runtime. */
const runtimeBias = (k: number) => 1 + 0.04 * k;

export interface SyntheticFixture extends FixtureFile {
  text: string;
  /** Candidate numbers that may be jittered (jitter.ts safeCandidates). */
  safe: ReadonlySet<number>;
}

/** What a parse yields, order-free: jitter must change values only, never this. */
function shapeOf(text: string, name: string): string | null {
  const parser = detectParser(text, name);
  if (!parser) return null;
  try {
    const { samples } = parser.parse(text, { fileName: name });
    return samples
      .map((s) => `${s.workload.name}|${s.metric}|${s.unit}|${s.repetition ?? 0}|${s.runtime ?? ""}`)
      .sort()
      .join("\n");
  } catch {
    return null;
  }
}

/**
 * Fixtures with the numbers that may be jittered without changing what they parse to
 * (checked at both ends of the bias range). Fixtures with none are left out and named.
 */
export function prepareFixtures(maxRuntimes: number): { usable: SyntheticFixture[]; excluded: string[] } {
  const usable: SyntheticFixture[] = [];
  const excluded: string[] = [];
  const biases = [runtimeBias(0) * (1 - SPREAD), runtimeBias(maxRuntimes - 1) * (1 + SPREAD)];
  for (const f of goodFixtures()) {
    const text = readFileSync(f.path, "utf8");
    const shape = shapeOf(text, f.name);
    const keeps = (only: ReadonlySet<number>) =>
      biases.every(
        (bias) => shapeOf(jitterNumbers(text, { bias, spread: 0, random: Math.random, only }), f.name) === shape,
      );
    const safe = shape === null ? new Set<number>() : safeCandidates(text, keeps);
    // Group tests pass one by one; confirm the union, in case two numbers only break together.
    if (safe.size > 0 && keeps(safe)) usable.push({ ...f, text, safe });
    else excluded.push(`${f.tool}/${f.name}`);
  }
  return { usable, excluded };
}

/** runc (the default baseline) plus `count − 1` other canonical runtimes, rotating per dataset. */
export function runtimesFor(datasetIndex: number, count: number): string[] {
  const others = RUNTIME_IDS.filter((r) => r !== "runc");
  if (count < 1 || count > others.length + 1)
    throw new Error(`runtimes per dataset must be 1..${others.length + 1}, got ${count}`);
  return ["runc", ...Array.from({ length: count - 1 }, (_, i) => others[(datasetIndex + i) % others.length]!)];
}

export interface HostCorpus {
  dir: string;
  dataset: string;
  host: string;
  runtimes: string[];
  repetitions: number;
  fixtures: readonly SyntheticFixture[];
  seed: number;
  /** sha256 of every copy already written for this dataset: same bytes in a dataset would be skipped. */
  seen: Set<string>;
  /** Stop after this many files. */
  maxFiles?: number;
}

/** Writes one dataset + host folder; returns the paths of the files written. */
export function writeHostCorpus(c: HostCorpus): string[] {
  mkdirSync(c.dir, { recursive: true });
  writeFileSync(join(c.dir, "hvscope.yaml"), `dataset: ${c.dataset}\nhost: ${c.host}\n`);
  const random = seededRandom(c.seed);
  const written: string[] = [];
  for (const [k, runtime] of c.runtimes.entries()) {
    mkdirSync(join(c.dir, runtime), { recursive: true });
    for (let rep = 1; rep <= c.repetitions; rep++)
      for (const f of c.fixtures) {
        if (c.maxFiles !== undefined && written.length >= c.maxFiles) return written;
        // A copy whose numbers all round back to the same text would be skipped as a
        // duplicate: draw again a few times, then leave it out.
        for (let attempt = 0; attempt < 5; attempt++) {
          const text = jitterNumbers(f.text, { bias: runtimeBias(k), spread: SPREAD, random, only: f.safe });
          const sha = createHash("sha256").update(text).digest("hex");
          if (c.seen.has(sha)) continue;
          c.seen.add(sha);
          const path = join(c.dir, runtime, `${rep}-${f.tool}-${f.name}`);
          writeFileSync(path, text);
          written.push(path);
          break;
        }
      }
  }
  return written;
}
