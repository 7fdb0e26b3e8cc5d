import { toCanonical, toNumber } from "./text";
import { ParseError, type ParsedSample, type Parser } from "./types";

// Format: mbw 1.2.2 (Debian mbw 1.2.2-1.1), printout() and main() in
// https://github.com/raas/mbw/blob/05f68a6108b2a230b5d2ce8b89f4564f6564c1a7/mbw.c
//   "<i>\tMethod: <MEMCPY|DUMB|MCBLOCK>\tElapsed: %.5f\tMiB: %.5f\tCopy: %.3f MiB/s"
// where MiB is the array size. -q drops the three header lines, -a the AVG lines.
const RESULT = /^(\d+|AVG)\tMethod: (MEMCPY|DUMB|MCBLOCK)\tElapsed: (\S+)\tMiB: (\S+)\tCopy: (\S+) MiB\/s$/;
const RESULT_START = /^(?:\d+|AVG)\tMethod: /;
const RUNS = /^Getting down to business\.\.\. Doing (\d+) runs per test\.$/m;
const BLOCK = /^Using (\d+) bytes as blocks for memcpy block copy test\.$/m;

/** Starts a run (without -q): each appended run of a shell loop begins with it. */
const RUN_START = /^Long uses \d+ bytes\./;

export const mbwParser: Parser = {
  id: "mbw",
  // 2: a log of runs appended by a shell loop is read run by run, each a repetition of its workload.
  version: 2,
  describe: "mbw memory bandwidth text output (MEMCPY, DUMB, MCBLOCK iterations)",
  detect: (raw) => /^(?:\d+|AVG)\tMethod: (?:MEMCPY|DUMB|MCBLOCK)\tElapsed: /m.test(raw),
  parse(input) {
    const raw = input.replace(/\r\n/g, "\n");
    if (raw.trim() === "") throw new ParseError("empty input");
    const lines = raw.split("\n");
    const samples: ParsedSample[] = [];
    /** Iterations of each workload in the runs before: a later run's number on from there. */
    const before = new Map<string, number>();
    for (const run of runsOf(lines)) {
      const found = parseRun(lines, run);
      const counts = new Map<string, number>();
      for (const s of found) {
        const offset = before.get(s.workload.name) ?? 0;
        samples.push({ ...s, repetition: offset + s.repetition! });
        counts.set(s.workload.name, (counts.get(s.workload.name) ?? 0) + 1);
      }
      for (const [name, n] of counts) before.set(name, (before.get(name) ?? 0) + n);
    }
    if (samples.length === 0) throw new ParseError("no mbw result lines ('<n>\\tMethod: ...\\tCopy: <x> MiB/s') found");
    return { samples };
  },
};

/** Line ranges [from, to) of each run: one per header, or the whole output when quiet (-q). */
function runsOf(lines: string[]): { from: number; to: number }[] {
  const starts = lines.flatMap((text, i) => (RUN_START.test(text) ? [i] : []));
  if (starts.length === 0 || (starts[0]! > 0 && lines.slice(0, starts[0]).some((t) => RESULT_START.test(t))))
    starts.unshift(0);
  return starts.map((from, k) => ({ from, to: starts[k + 1] ?? lines.length }));
}

/** One run's samples, repetitions numbered from 0 by mbw's own iteration numbers. */
function parseRun(lines: string[], { from, to }: { from: number; to: number }): ParsedSample[] {
  const text = lines.slice(from, to).join("\n");
  // Printed only without -q; when absent the MCBLOCK block size is unknown and left out of the key.
  const blockSize = BLOCK.exec(text)?.[1];
  const runs = RUNS.exec(text)?.[1];
  const samples: ParsedSample[] = [];
  const perMethod = new Map<string, number>();
  const seen = new Set<string>();
  for (let i = from; i < to; i++) {
    const text = lines[i]!;
    if (!RESULT_START.test(text)) continue;
    const line = i + 1;
    const m = RESULT.exec(text);
    if (!m)
      throw new ParseError(
        "incomplete result line (expected '<n>\\tMethod: ...\\tElapsed: ...\\tMiB: ...\\tCopy: <x> MiB/s')",
        line,
      );
    const [, iteration = "", method = "", , mib = "", copy = ""] = m;
    // AVG is not a measurement: mbw derives it as size / mean(elapsed), which is not even the
    // mean of the printed bandwidths. Storing it would count every run twice.
    if (iteration === "AVG") continue;
    // Elapsed rounds to 0 under the gettimeofday() resolution and mbw then prints "inf".
    if (copy === "inf")
      throw new ParseError(
        `bandwidth is inf for ${method} (elapsed time under the timer resolution; use a larger array)`,
        line,
      );
    const arrayMiB = toNumber(mib, "array size (MiB)", line);
    const params: Record<string, string | number> = {
      method: method.toLowerCase(),
      array_size: toCanonical(arrayMiB, "MiB").value,
    };
    const name = [`mbw ${method.toLowerCase()}`, `size=${arrayMiB}MiB`];
    if (method === "MCBLOCK" && blockSize !== undefined) {
      params.block_size = Number(blockSize);
      name.push(`bs=${blockSize}`);
    }
    const workload = { name: name.join(" "), category: "memory" as const, params };
    // Quiet runs (-q) print no header to tell them apart: the same iteration again is another run.
    const key = `${workload.name} ${iteration}`;
    if (seen.has(key))
      throw new ParseError(
        `iteration ${iteration} of ${workload.name} appears twice: several quiet (-q) runs appended? ` +
          "Without -q each run's header separates them",
        line,
      );
    seen.add(key);
    const { value, unit } = toCanonical(toNumber(copy, `${method} bandwidth`, line), "MiB/s");
    samples.push({ workload, metric: "bandwidth", unit, value, repetition: toNumber(iteration, "iteration", line) });
    perMethod.set(method, (perMethod.get(method) ?? 0) + 1);
  }
  if (runs !== undefined)
    for (const [method, count] of perMethod)
      if (count !== Number(runs))
        throw new ParseError(
          `${method} has ${count} of the ${runs} runs announced by 'Doing ${runs} runs per test' (output cut short?)`,
          from + 1,
        );
  return samples;
}
