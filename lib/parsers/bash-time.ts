import { samplesAsRepetitions } from "./runs";
import { lineAt, toCanonical, toNumber } from "./text";
import { ParseError, type ParsedSample, type Parser, type WorkloadKey } from "./types";

// bash's `time` keyword with TIMEFORMAT unset (bash 5.2, execute_cmd.c print_formatted_time with
// "\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS"), and its POSIX form `time -p` ("real %2R" ...):
//   real	0m0.101s          real 0.05
//   user	0m0.001s          user 0.00
//   sys	0m0.000s          sys 0.00
// A loop writes one block per run; the command's own output and `echo` lines may sit between.
// The block names no command: the workload is "bash time" unless a manifest rule names it.
const LINE = (label: string) => `^${label}(?:\\t(?:(\\d+)m)?([\\d.]+)s| ([\\d.]+))[ \\t]*\\r?$`;
const REAL = new RegExp(LINE("real"), "gm");
const FOLLOWING = [
  { label: "user", metric: "user_time", re: new RegExp(LINE("user")) },
  { label: "sys", metric: "system_time", re: new RegExp(LINE("sys")) },
];
const BLOCK = new RegExp(`${LINE("real")}\\n${LINE("user")}\\n${LINE("sys")}`, "m");

const WORKLOAD: WorkloadKey = { name: "bash time", category: "startup", params: {} };

function nanoseconds(m: RegExpExecArray, what: string, line: number): number {
  const seconds =
    m[3] !== undefined
      ? toNumber(m[3], what, line)
      : toNumber(m[1] ?? "0", what, line) * 60 + toNumber(m[2], what, line);
  return Math.round(toCanonical(seconds, "s").value);
}

export const bashTimeParser: Parser = {
  id: "bash-time",
  version: 1,
  describe: "bash's time keyword: real/user/sys blocks (default or time -p), one per timed run",
  detect: (raw) => BLOCK.test(raw),
  parse(raw) {
    const lines = raw.split("\n");
    const runs = [...raw.matchAll(REAL)].map((real): ParsedSample[] => {
      const line = lineAt(raw, real.index);
      const samples: ParsedSample[] = [
        { workload: WORKLOAD, metric: "wall_time", unit: "ns", value: nanoseconds(real, "real", line) },
      ];
      FOLLOWING.forEach(({ label, metric, re }, i) => {
        const at = line + i + 1;
        const m = re.exec(lines[at - 1] ?? "");
        if (!m)
          throw new ParseError(
            `expected the '${label}' line of the block starting 'real' on line ${line} (output cut short?)`,
            at,
          );
        samples.push({ workload: WORKLOAD, metric, unit: "ns", value: nanoseconds(m, label, at) });
      });
      return samples;
    });
    if (runs.length === 0)
      throw new ParseError("no 'real' line: expected bash time blocks ('real\\t0m0.101s', 'user …', 'sys …')");
    return { samples: samplesAsRepetitions(runs) };
  },
};
