import { lineAt, toCanonical, toNumber } from "./text";
import { ParseError, type ParsedSample, type Parser, type WorkloadKey } from "./types";

// Format: procps `pmap -x PID...` (procps-ng 4.0.2 and 3.3.x alike): per process a
// `PID:   command line` title, an `Address Kbytes RSS Dirty Mode Mapping` header, one row per
// mapping, and a closing `total kB  <Kbytes> <RSS> <Dirty>` line. Only the totals are read:
// the per-mapping rows are detail, and some older pmap builds repeat each mapping with zeros
// (as in the Firecracker NSDI'20 raw data).
const TITLE = /^(\d+):[ \t]+(.*)$/gm;
const TABLE_HEADER = /^Address\s+Kbytes\s+RSS\s+Dirty\s+Mode\s+Mapping\s*$/m;
const TOTAL = /^total kB\s+(\d+)\s+(\d+)\s+(\d+)\s*$/m;
const METRICS = ["mapped", "rss", "dirty"] as const;

export const pmapParser: Parser = {
  id: "pmap",
  version: 1,
  describe: "pmap -x (extended format): the 'total kB' line of each process",
  detect: (raw) => /^\d+:\s+\S/.test(raw) && TABLE_HEADER.test(raw),
  parse(raw) {
    const titles = [...raw.matchAll(TITLE)];
    if (titles.length === 0 || !TABLE_HEADER.test(raw)) {
      throw new ParseError(
        "expected a 'PID:   command' line followed by the 'Address Kbytes RSS Dirty Mode Mapping' header of pmap -x",
      );
    }
    // Paths and pids vary between hosts; the program is what identifies the workload.
    const programOf = (title: RegExpExecArray) => ((title[2] ?? "").trim().split(/\s+/)[0] ?? "").replace(/^.*\//, "");
    // Several processes of one program (`pmap -x PID1 PID2`) are repetitions of one workload.
    const count = new Map<string, number>();
    for (const t of titles) count.set(programOf(t), (count.get(programOf(t)) ?? 0) + 1);
    const seen = new Map<string, number>();
    const samples = titles.flatMap((title, i): ParsedSample[] => {
      const block = raw.slice(title.index, titles[i + 1]?.index ?? raw.length);
      const total = TOTAL.exec(block);
      if (!total) {
        throw new ParseError(
          `process ${title[1]}: missing the 'total kB' line (output cut short, or not run with -x?)`,
          lineAt(raw, title.index),
        );
      }
      const line = lineAt(raw, title.index + total.index);
      const program = programOf(title);
      const index = seen.get(program) ?? 0;
      seen.set(program, index + 1);
      const workload: WorkloadKey = { name: `pmap ${program}`, category: "footprint", params: { command: program } };
      return METRICS.map((metric, j): ParsedSample => {
        const sample: ParsedSample = {
          workload,
          metric,
          ...toCanonical(toNumber(total[j + 1], `total ${metric} (kB)`, line), "kB"),
        };
        if ((count.get(program) ?? 0) > 1) sample.repetition = index;
        return sample;
      });
    });
    const commands = new Set(titles.map((t) => (t[2] ?? "").trim()));
    return { command: commands.size === 1 ? [...commands][0] : undefined, samples };
  },
};
