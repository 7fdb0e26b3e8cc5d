/**
 * Multiplicative jitter on the numbers inside a captured tool output, so that copies of one
 * real fixture have distinct bytes (re-ingest would skip identical bytes) while every parser
 * still reads them. Benchmark corpora only: the numbers it produces are not measurements.
 */

/** Small deterministic PRNG (mulberry32): a seed reproduces the same synthetic corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Candidates: numbers with a fractional part, or integers of 4+ digits (small integers are
// mostly parameters: iodepth=32, 4 threads). Not preceded by a word character or dot
// (versions, identifiers, hex), not followed by a digit or dot (so `1.0.20` never matches in part).
const NUMBER = /(?<![\w.])(?:(\d+)\.(\d+)|(\d{4,}))(?![\d.])/g;

export interface JitterOptions {
  /** Multiplier applied to every number (a per-runtime bias, so overheads are not all zero). */
  bias: number;
  /** Each number also gets its own factor in [1 − spread, 1 + spread]. */
  spread: number;
  random: () => number;
  /** Indices (in order of appearance) of the candidate numbers to change; default all. */
  only?: ReadonlySet<number>;
}

/** Rewrites candidate numbers as value × bias × noise, keeping each number's decimal places. */
export function jitterNumbers(text: string, { bias, spread, random, only }: JitterOptions): string {
  let index = -1;
  return text.replace(
    NUMBER,
    (match: string, whole: string | undefined, fraction: string | undefined, integer: string | undefined) => {
      index++;
      if (only && !only.has(index)) return match;
      const factor = bias * (1 + (random() * 2 - 1) * spread);
      if (integer !== undefined) return String(Math.max(1, Math.round(Number(integer) * factor)));
      if (whole === undefined || fraction === undefined) return match;
      return (Number(match) * factor).toFixed(fraction.length);
    },
  );
}

export function countCandidates(text: string): number {
  return text.match(NUMBER)?.length ?? 0;
}

/**
 * The candidate numbers that may change without changing what the text means, by group
 * testing: a group is safe when `keepsMeaning` accepts the text with the whole group
 * jittered, else its halves are tried. Numbers that name the workload (`sleep 0.02`, fio's
 * `"50.000000"` percentile keys, `bs=4096B`) drop out; a few dozen parses per file.
 */
export function safeCandidates(
  text: string,
  keepsMeaning: (jitteredOnly: ReadonlySet<number>) => boolean,
): Set<number> {
  const safe = new Set<number>();
  const test = (group: number[]) => {
    if (group.length === 0) return;
    if (keepsMeaning(new Set(group))) for (const i of group) safe.add(i);
    else if (group.length > 1) {
      const half = Math.ceil(group.length / 2);
      test(group.slice(0, half));
      test(group.slice(half));
    }
  };
  test(Array.from({ length: countCandidates(text) }, (_, i) => i));
  return safe;
}
