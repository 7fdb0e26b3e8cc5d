import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getParser } from "@/lib/parsers";
import { primaryMetric } from "@/lib/overhead/headline-metric";
import type { StepRecord } from "./manifest-writer";

/** How much one workload's headline metric varied across the repetitions of a runtime. */
export interface Variation {
  runtime: string;
  step: string;
  workload: string;
  category: string;
  metric: string;
  unit: string;
  /** Repetitions with an output. */
  n: number;
  mean: number;
  /** Coefficient of variation across repetitions (sample sd / mean), in %; null with n < 2. */
  cvPct: number | null;
  /** CPU-bound and above CPU_CV_LIMIT_PCT: the machine was likely not quiet. */
  flagged: boolean;
}

/** A CPU-bound workload on a quiet machine repeats within a few per cent. */
const CPU_CV_LIMIT_PCT = 5;

/**
 * Per runtime and workload, the coefficient of variation of the headline metric (the one the
 * views compare by) across repetitions; a file with several values of it (hyperfine's runs)
 * counts as one repetition with their mean.
 */
export function variationOf(outDir: string, records: readonly StepRecord[]): Variation[] {
  const groups = new Map<string, { first: Omit<Variation, "n" | "mean" | "cvPct" | "flagged">; values: number[] }>();
  for (const r of records) {
    if (r.status !== "ok" || r.file === undefined) continue;
    const raw = readFileSync(join(outDir, r.file), "utf8");
    const { samples } = getParser(r.tool).parse(raw, {
      fileName: r.file,
      ...(r.parserOptions ? { options: r.parserOptions } : {}),
    });
    const byWorkload = new Map<string, typeof samples>();
    for (const s of samples) byWorkload.set(s.workload.name, [...(byWorkload.get(s.workload.name) ?? []), s]);
    for (const [workload, ws] of byWorkload) {
      const metric = primaryMetric([...new Set(ws.map((s) => s.metric))])!;
      const values = ws.filter((s) => s.metric === metric);
      // The manifest's name, as the import stores it: hyperfine's command names each repetition's container.
      const name = r.workload ?? workload;
      const key = JSON.stringify([r.runtime, r.step, name]);
      const group = groups.get(key) ?? {
        first: {
          runtime: r.runtime,
          step: r.step,
          workload: name,
          category: values[0]!.workload.category,
          metric,
          unit: values[0]!.unit,
        },
        values: [],
      };
      group.values.push(mean(values.map((s) => s.value)));
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ first, values }) => {
    const cvPct = values.length < 2 ? null : (sd(values) / Math.abs(mean(values))) * 100;
    return {
      ...first,
      n: values.length,
      mean: mean(values),
      cvPct: cvPct === null ? null : Math.round(cvPct * 10) / 10,
      flagged: first.category === "cpu" && cvPct !== null && cvPct > CPU_CV_LIMIT_PCT,
    };
  });
}

/** The closing summary: CPU-bound workloads one by one, the rest per runtime in one line. */
export function variationSummary(rows: readonly Variation[]): string[] {
  const measured = rows.filter((r) => r.cvPct !== null);
  if (measured.length === 0) return ["variation: fewer than 2 repetitions, no coefficient of variation"];
  const lines = [`coefficient of variation of each workload's headline metric across repetitions:`];
  for (const r of measured.filter((v) => v.category === "cpu"))
    lines.push(
      `  ${r.runtime} ${r.workload} (${r.metric}, n = ${r.n}): ${r.cvPct} %${r.flagged ? ` FLAGGED: CPU-bound above ${CPU_CV_LIMIT_PCT} %, the machine was likely not quiet` : ""}`,
    );
  for (const runtime of [...new Set(measured.map((r) => r.runtime))]) {
    const others = measured.filter((r) => r.runtime === runtime && r.category !== "cpu");
    if (others.length === 0) continue;
    const cvs = others.map((r) => r.cvPct!).sort((a, b) => a - b);
    const worst = others.reduce((a, b) => (b.cvPct! > a.cvPct! ? b : a));
    lines.push(
      `  ${runtime}, ${others.length} other workloads: median ${cvs[Math.floor(cvs.length / 2)]} %, highest ${worst.cvPct} % (${worst.workload})`,
    );
  }
  return lines;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}
