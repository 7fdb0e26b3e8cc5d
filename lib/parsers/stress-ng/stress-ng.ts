import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { stressorCategory } from "./stress-ng-category";
import { readRuns, samplesAsRepetitions, splitRuns } from "../runs";
import { lineAt, toCanonical, toNumber } from "../text";
import { ParseError, type ParsedSample, type Parser, type WorkloadKey } from "../types";

// Formats: stress-ng 0.15.06, stress-ng.c metrics_dump()
// (https://github.com/ColinIanKing/stress-ng/blob/V0.15.06/stress-ng.c).
// Text (stderr/stdout, `--metrics-brief`; `--metrics` adds "CPU used per instance (%)" and "RSS Max (KB)"):
//   stress-ng: metrc: [pid] stressor       bogo ops real time  usr time  sys time   bogo ops/s     bogo ops/s
//   stress-ng: metrc: [pid] cpu                3485      3.00      2.56      0.14      1161.16        1291.55
// Versions before 0.15 tag these lines `info:` instead of `metrc:`.
// YAML (`--yaml FILE`): a `system-info` map and a `metrics` list with one entry per stressor.

const TAG = String.raw`^stress-ng: (?:info|metrc): +\[\d+\] `;
const TABLE_HEADER = new RegExp(`${TAG}stressor +bogo ops +real time +usr time +sys time +bogo ops/s +bogo ops/s`, "m");
const NUM = String.raw` +(\d+(?:\.\d+)?)`;
const ROW = new RegExp(`${TAG}(\\S+) +(\\d+)${NUM.repeat(5)}(?:${NUM}${NUM})?\\s*$`, "gm");
const YAML_START = /^system-info:\s*\n\s+stress-ng-version:|^metrics:\s*\n\s+- stressor: /m;

interface StressorResult {
  stressor: string;
  instances?: number;
  bogoOps: number;
  perSecReal: number;
  perSecCpu: number;
  wall: number;
  user: number;
  system: number;
  cpuUsage?: number;
  maxRssKb?: number;
}

function samplesOf(r: StressorResult): ParsedSample[] {
  const params: WorkloadKey["params"] = { stressor: r.stressor };
  let name = `stress-ng ${r.stressor}`;
  if (r.instances !== undefined) {
    params.instances = r.instances;
    name += ` instances=${r.instances}`;
  }
  const workload: WorkloadKey = { name, category: stressorCategory(r.stressor), params };
  const seconds = (s: number) => Math.round(toCanonical(s, "s").value);
  const samples: ParsedSample[] = [
    { workload, metric: "bogo_ops", unit: "count", value: r.bogoOps, direction: "higher" },
    { workload, metric: "bogo_ops_per_s_real", unit: "ops_per_s", value: r.perSecReal },
    { workload, metric: "bogo_ops_per_s_cpu", unit: "ops_per_s", value: r.perSecCpu },
    { workload, metric: "wall_time", unit: "ns", value: seconds(r.wall) },
    { workload, metric: "user_time", unit: "ns", value: seconds(r.user) },
    { workload, metric: "system_time", unit: "ns", value: seconds(r.system) },
  ];
  if (r.cpuUsage !== undefined)
    samples.push({ workload, metric: "cpu_usage_per_instance", unit: "percent", value: r.cpuUsage });
  if (r.maxRssKb !== undefined) samples.push({ workload, metric: "max_rss", ...toCanonical(r.maxRssKb, "kB") });
  return samples;
}

/** Each run begins by dispatching its stressors: a shell loop's appended runs, split there. */
const DISPATCH = /^stress-ng: info: +\[\d+\] dispatching hogs: /gm;

function parseText(raw: string): ParsedSample[] {
  const header = TABLE_HEADER.exec(raw);
  if (!header)
    throw new ParseError(
      "missing the 'stressor bogo ops real time ...' metrics table (run stress-ng with --metrics-brief and capture stderr)",
    );
  if (!/^stress-ng: info: +\[\d+\] (?:un)?successful run completed in /m.test(raw)) {
    throw new ParseError("missing the 'successful run completed in Ns' line (output cut short?)");
  }
  // "dispatching hogs: 1 cpu, 1 get" is the only place the instance counts appear.
  const instances = new Map<string, number>();
  const hogs = /^stress-ng: info: +\[\d+\] dispatching hogs: (.+)$/m.exec(raw)?.[1] ?? "";
  for (const m of hogs.matchAll(/(\d+) (\S+?)(?:,|$)/g)) instances.set(m[2] ?? "", Number(m[1]));
  const rows = [...raw.slice(header.index).matchAll(ROW)];
  if (rows.length === 0) throw new ParseError("the metrics table has no stressor rows", lineAt(raw, header.index));
  return rows.flatMap((m) => {
    const line = lineAt(raw, header.index + m.index);
    const stressor = m[1] ?? "";
    const num = (i: number, what: string) => toNumber(m[i], `${stressor} ${what}`, line);
    return samplesOf({
      stressor,
      instances: instances.get(stressor),
      bogoOps: num(2, "bogo ops"),
      wall: num(3, "real time"),
      user: num(4, "usr time"),
      system: num(5, "sys time"),
      perSecReal: num(6, "bogo ops/s (real time)"),
      perSecCpu: num(7, "bogo ops/s (usr+sys time)"),
      cpuUsage: m[8] === undefined ? undefined : num(8, "CPU used per instance"),
      maxRssKb: m[9] === undefined ? undefined : num(9, "RSS Max"),
    });
  });
}

// The YAML is read with the failsafe schema, so every scalar stays a string: a stressor named
// `null`, the `2026:11:26` date and the `0.15.06` version must not become null or numbers.
// A number too long for a double (hundreds of digits) reads as Infinity: rejected like any non-number.
const number = z
  .string()
  .regex(/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i, "expected a number")
  .transform(Number)
  .refine(Number.isFinite, "out of range: not a finite number");
const YAML_METRIC = z.object({
  stressor: z.string().min(1),
  "bogo-ops": number,
  "bogo-ops-per-second-usr-sys-time": number,
  "bogo-ops-per-second-real-time": number,
  "wall-clock-time": number,
  "user-time": number,
  "system-time": number,
  "cpu-usage-per-instance": number.optional(),
  "max-rss": number.optional(),
});
const YAML_REPORT = z.object({
  "system-info": z.object({ "stress-ng-version": z.string().optional() }).optional(),
  metrics: z.array(YAML_METRIC, { error: "no 'metrics' list: run stress-ng with --metrics-brief or --metrics" }).min(1),
});

function parseYamlReport(raw: string): { toolVersion?: string; samples: ParsedSample[] } {
  // stress-ng closes the document with `...` after the last stressor; without it the file was cut.
  if (!/^\.\.\.\s*$/m.test(raw)) throw new ParseError("missing the YAML end marker '...' (output cut short?)");
  let doc: unknown;
  try {
    // logLevel "error": a damaged file's unknown `!tag` is no concern of the process's warnings
    // (yaml prints a YAMLWarning to stderr by default); what matters is checked by the schema below.
    doc = parseYaml(raw, { schema: "failsafe", logLevel: "error" });
  } catch (e) {
    throw new ParseError(`invalid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = YAML_REPORT.safeParse(doc);
  if (!parsed.success) throw new ParseError(`not a stress-ng --yaml report:\n${z.prettifyError(parsed.error)}`);
  const samples = parsed.data.metrics.flatMap((m) =>
    samplesOf({
      stressor: m.stressor,
      bogoOps: m["bogo-ops"],
      perSecReal: m["bogo-ops-per-second-real-time"],
      perSecCpu: m["bogo-ops-per-second-usr-sys-time"],
      wall: m["wall-clock-time"],
      user: m["user-time"],
      system: m["system-time"],
      cpuUsage: m["cpu-usage-per-instance"],
      maxRssKb: m["max-rss"],
    }),
  );
  return { toolVersion: parsed.data["system-info"]?.["stress-ng-version"], samples };
}

export const stressNgParser: Parser = {
  id: "stress-ng",
  // 2: a text log of runs appended by a shell loop is read run by run.
  version: 2,
  describe: "stress-ng --metrics-brief/--metrics text (stderr) or --yaml report",
  detect: (raw) => new RegExp(TAG, "m").test(raw) || YAML_START.test(raw),
  // No startedAt: the YAML's date and time are written after the run has finished.
  parse(raw) {
    if (YAML_START.test(raw)) return parseYamlReport(raw);
    // A shell loop's appended runs, each a repetition of its workloads (README, "Supported tools").
    return { samples: samplesAsRepetitions(readRuns(splitRuns(raw, DISPATCH), parseText)) };
  },
};
