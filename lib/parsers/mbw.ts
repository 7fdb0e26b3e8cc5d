import { readRuns, samplesAsRepetitions, splitRuns } from "./runs";
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
const RUN_START = /^Long uses \d+ bytes\./gm;

export const mbwParser: Parser = {
  id: "mbw",
  // 2: a log of runs appended by a shell loop is read run by run, each a repetition of its workload.
  version: 2,
  describe: "mbw memory bandwidth text output (MEMCPY, DUMB, MCBLOCK iterations)",
  detect: (raw) => /^(?:\d+|AVG)\tMethod: (?:MEMCPY|DUMB|MCBLOCK)\tElapsed: /m.test(raw),
  parse(input) {
    const raw = input.replace(/\r\n/g, "\n");
    if (raw.trim() === "") throw new ParseError("empty input");
    return { samples: samplesAsRepetitions(readRuns(splitRuns(raw, RUN_START), parseRun)) };
  },
};

/** One run's samples, repetitions numbered from 0 by mbw's own iteration numbers. */
function parseRun(text: string): ParsedSample[] {
  // Printed only without -q; when absent the MCBLOCK block size is unknown and left out of the key.
  const blockSize = BLOCK.exec(text)?.[1];
  const runs = RUNS.exec(text)?.[1];
  const samples: ParsedSample[] = [];
  const perMethod = new Map<string, number>();
  const seen = new Set<string>();
  for (const [i, lineText] of text.split("\n").entries()) {
    if (!RESULT_START.test(lineText)) continue;
    const line = i + 1;
    const m = RESULT.exec(lineText);
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
  if (samples.length === 0) throw new ParseError("no mbw result lines ('<n>\\tMethod: ...\\tCopy: <x> MiB/s') found");
  if (runs !== undefined)
    for (const [method, count] of perMethod)
      if (count !== Number(runs))
        throw new ParseError(
          `${method} has ${count} of the ${runs} runs announced by 'Doing ${runs} runs per test' (output cut short?)`,
          1,
        );
  return samples;
}
