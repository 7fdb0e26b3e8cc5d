import { z } from "zod";
import { CATEGORIES } from "@/lib/categories";
import { readOptions } from "./parser-options";
import { namesKnownRuntime, RUNTIME_PLACEHOLDER, runtimeInCommand, runtimeNameOf } from "./runtime-in-command";
import { parseJson, toCanonical } from "./text";
import { ParseError, type ParsedSample, type Parser, type WorkloadKey } from "./types";

// `--export-json` layout: BenchmarkResult in hyperfine v1.15.0,
// https://github.com/sharkdp/hyperfine/blob/v1.15.0/src/benchmark/benchmark_result.rs
// All times are in seconds. `user`/`system` are means over the runs: hyperfine records no
// per-run CPU times. Keys added later (e.g. `memory_usage_byte`) pass through unread.
const RESULT = z.object({
  command: z.string().min(1),
  mean: z.number(),
  stddev: z.number().nullable(),
  median: z.number(),
  user: z.number(),
  system: z.number(),
  min: z.number(),
  max: z.number(),
  times: z.array(z.number().nonnegative()).min(1),
  exit_codes: z.array(z.number().int().nullable()),
  parameters: z.record(z.string(), z.string()).optional(),
});
const EXPORT = z.object({ results: z.array(RESULT).min(1) });
type Result = z.infer<typeof RESULT>;

// hyperfine is used here to time container starts; a manifest can say otherwise.
const OPTIONS = z.object({ category: z.enum(CATEGORIES).default("startup") });

const JSON_START = /^\s*\{\s*"results"\s*:\s*\[/;
const TERMINAL_REPORT = /^Benchmark \d+: .*\r?\n\s+Time \(mean ± σ\):/m;

const ns = (seconds: number) => Math.round(toCanonical(seconds, "s").value);

export const hyperfineParser: Parser = {
  id: "hyperfine",
  // 2: a runtime named in a result's parameters or command sets that result's runtime, and is left
  // out of its workload name.
  version: 2,
  describe: "hyperfine --export-json (every run time is a sample)",
  detect: (raw) => JSON_START.test(raw) || TERMINAL_REPORT.test(raw),
  parse(raw, ctx) {
    const { category } = readOptions(OPTIONS, ctx.options, "hyperfine");
    if (!JSON_START.test(raw) && TERMINAL_REPORT.test(raw)) {
      throw new ParseError(
        "this is hyperfine's terminal report, which omits the individual run times; re-run with --export-json FILE and ingest FILE",
      );
    }
    const parsed = EXPORT.safeParse(parseJson(raw));
    if (!parsed.success) throw new ParseError(`not a hyperfine --export-json file:\n${z.prettifyError(parsed.error)}`);
    const { results } = parsed.data;
    const runtimeParam = runtimeParameter(results);
    const samples = results.flatMap((r): ParsedSample[] => {
      const { workload, runtime } = workloadOf(r, category, runtimeParam);
      if (r.exit_codes.length !== r.times.length) {
        throw new ParseError(`${r.command}: ${r.times.length} times but ${r.exit_codes.length} exit codes`);
      }
      const named = runtime ? { runtimeInCommand: runtime } : {};
      return [
        ...r.times.map((t, repetition): ParsedSample => ({
          workload,
          metric: "wall_time",
          unit: "ns",
          value: ns(t),
          repetition,
          ...named,
        })),
        { workload, metric: "user_time", unit: "ns", value: ns(r.user), ...named },
        { workload, metric: "system_time", unit: "ns", value: ns(r.system), ...named },
        // With --ignore-failure hyperfine keeps timing failed runs; null means killed by a signal.
        {
          workload,
          metric: "failed_runs",
          unit: "count",
          value: r.exit_codes.filter((c) => c !== 0).length,
          ...named,
        },
      ];
    });
    return { command: results.length === 1 ? results[0]?.command : undefined, samples };
  },
};

/**
 * The scan parameter that holds the runtime (`-L runtime runc,crun,runsc`): one named `runtime`,
 * else one whose values all name known runtimes.
 */
function runtimeParameter(results: Result[]): string | undefined {
  const keys = [...new Set(results.flatMap((r) => Object.keys(r.parameters ?? {})))];
  const everyValue = (key: string) => results.every((r) => namesKnownRuntime(r.parameters?.[key] ?? ""));
  return keys.find((k) => k.toLowerCase() === "runtime") ?? keys.find(everyValue);
}

/** The result's workload, with the runtime its parameters or command name left out of it. */
function workloadOf(
  r: Result,
  category: WorkloadKey["category"],
  runtimeParam: string | undefined,
): { workload: WorkloadKey; runtime?: string } {
  const { [runtimeParam ?? ""]: paramValue, ...otherParams } = r.parameters ?? {};
  const named = paramValue
    ? { runtime: runtimeNameOf(paramValue), workload: r.command.replaceAll(paramValue, RUNTIME_PLACEHOLDER) }
    : runtimeInCommand(r.command);
  const name = named?.workload ?? r.command;
  const params = named ? otherParams : { ...r.parameters };
  return {
    workload: { name, category, params: { command: name, ...params } },
    ...(named ? { runtime: named.runtime } : {}),
  };
}
