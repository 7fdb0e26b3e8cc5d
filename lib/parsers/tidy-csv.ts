import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { CATEGORIES, isCategory, type Category } from "@/lib/categories";
import { DIRECTIONS, SOURCE_UNIT_IDS, SOURCE_UNITS, isSourceUnit, type SourceUnit } from "@/lib/units";
import { inferCategory } from "./infer-category";
import { readOptions } from "./parser-options";
import { fileStem, toCanonical, toNumber, withParams } from "./text";
import { ParseError, type ParsedSample, type Parser } from "./types";

/** Manifest `options` for tidy CSVs: column renames, units and directions per metric. */
const tidyCsvOptionsSchema = z.object({
  columns: z
    .object({
      runtime: z.string().optional(),
      workload: z.string().optional(),
      metric: z.string().optional(),
      value: z.string().optional(),
      unit: z.string().optional(),
      category: z.string().optional(),
      direction: z.string().optional(),
      version: z.string().optional(),
      variant: z.string().optional(),
      repetition: z.string().optional(),
    })
    .default({}),
  /**
   * A wide table: one row per run, these columns its metrics (by column name: the metric's name
   * unless `metric` renames it, and a unit unless the name carries one, as `boot_time_ms` does).
   */
  values: z
    .record(
      z.string(),
      z.object({
        metric: z
          .string()
          .regex(/^[a-z][a-z0-9_]*$/, "metric names are snake_case")
          .optional(),
        unit: z.enum(SOURCE_UNIT_IDS).optional(),
        direction: z.enum(DIRECTIONS).optional(),
      }),
    )
    .refine((v) => Object.keys(v).length > 0, "name at least one value column")
    .optional(),
  /** Columns of a wide table that a run's workload is swept over: each value a workload of its own. */
  params: z.array(z.string()).default([]),
  units: z.record(z.string(), z.enum(SOURCE_UNIT_IDS)).default({}),
  directions: z.record(z.string(), z.enum(DIRECTIONS)).default({}),
  category: z.enum(CATEGORIES).optional(),
  /** Workload name when the table has no workload column. */
  workload: z.string().optional(),
});

const DEFAULT_COLUMNS = {
  runtime: ["runtime"],
  workload: ["workload", "method", "benchmark", "test"],
  metric: ["metric"],
  value: ["value", "result"],
  unit: ["unit"],
  category: ["category"],
  direction: ["direction"],
  // The runtime's, as hvscope's export names them (db/queries/tidy-rows.ts).
  version: ["runtime_version"],
  variant: ["runtime_variant"],
} as const;

// Published tables (gVisor's website CSVs) encode the unit in the metric name.
const UNIT_SUFFIXES: [RegExp, SourceUnit][] = [
  [/_ns$/, "ns"],
  [/_us$/, "us"],
  [/_ms$/, "ms"],
  [/_(s|sec|seconds)$/, "s"],
  [/_per_(second|sec|s)$/, "ops/s"],
  [/_bytes$/, "B"],
];

const TIME_SUFFIX = /_(ns|us|ms|s|sec|seconds)$/;

function header(raw: string): string[] {
  const first = raw.split(/\r?\n/, 1)[0] ?? "";
  return first.split(",").map((c) => c.trim().replace(/^"|"$/g, "").toLowerCase());
}

export const tidyCsvParser: Parser = {
  id: "tidy-csv",
  // 2: a rate's name keeps its `_s` (`requests_per_s` had become `requests_per`), and a
  // repetition column is read (each metric's rows were numbered in order).
  version: 2,
  describe: "tidy CSV of published results (columns runtime, metric, value|result, optional workload|method and unit)",
  detect(raw) {
    const cols = header(raw);
    return cols.includes("runtime") && cols.includes("metric") && (cols.includes("value") || cols.includes("result"));
  },
  parse(raw, ctx) {
    const options = readOptions(tidyCsvOptionsSchema, ctx.options, "tidy-csv");
    const { cols, rows } = readRows(raw);
    if (rows.length === 0) throw new ParseError("no data rows after the header");
    const pick = (role: keyof typeof DEFAULT_COLUMNS) =>
      options.columns[role]?.toLowerCase() ?? DEFAULT_COLUMNS[role].find((c) => cols.includes(c));
    if (options.values) return { samples: wideSamples(rows, cols, options, pick, ctx.fileName) };
    const [runtimeCol, metricCol, valueCol] = [pick("runtime"), pick("metric"), pick("value")];
    if (!runtimeCol || !metricCol || !valueCol)
      throw new ParseError(
        `header must name runtime, metric and value (or result) columns; found: ${cols.join(", ")}`,
        1,
      );
    const workloadCol = pick("workload");
    const unitCol = pick("unit");
    const [categoryCol, directionCol] = [pick("category"), pick("direction")];
    const [versionCol, variantCol] = [pick("version"), pick("variant")];
    // hvscope's export numbers repetitions (from 1); a run need not measure every metric, so its
    // rows' numbers are kept. Without the column, a repeated (runtime, workload, metric) row is
    // another repetition of the same measurement.
    const repetitionCol = repetitionColumn(options, cols);
    const seen = new Map<string, number>();
    return {
      samples: rows.map((row, i): ParsedSample => {
        const line = i + 2;
        const sourceMetric = requireCell(row, metricCol, line);
        const workloadName = (workloadCol && row[workloadCol]) || options.workload || sourceMetric;
        const unit = unitOf(sourceMetric, unitCol ? row[unitCol] : undefined, options.units, line);
        // Values become canonical units, so a time unit in the name would mislead (`startup_time_ms`
        // holds ns). Only a time unit: `requests_per_s` is a rate, and keeps its name.
        const metric = SOURCE_UNITS[unit].unit === "ns" ? sourceMetric.replace(TIME_SUFFIX, "") : sourceMetric;
        const category = categoryOf(options, categoryCol && row[categoryCol], workloadName, metric, line);
        const converted = toCanonical(toNumber(row[valueCol], `${valueCol} of ${metric}`, line), unit);
        const directionCell = directionCol ? row[directionCol] : undefined;
        const direction =
          options.directions[sourceMetric] ??
          (directionCell === "higher" || directionCell === "lower" ? directionCell : undefined);
        const runtime = requireCell(row, runtimeCol, line);
        const runtimeVersion = versionCol ? row[versionCol] : undefined;
        const runtimeVariant = variantCol ? row[variantCol] : undefined;
        const repetition = repetitionCol
          ? repetitionOf(row[repetitionCol], line)
          : nextRepetition(seen, JSON.stringify([runtime, runtimeVersion, runtimeVariant, workloadName, metric]));
        return {
          workload: { name: workloadName, category, params: {} },
          metric,
          ...converted,
          ...(direction ? { direction } : {}),
          repetition,
          runtime,
          ...(runtimeVersion ? { runtimeVersion } : {}),
          ...(runtimeVariant ? { runtimeVariant } : {}),
        };
      }),
    };
  },
};

/** The rows, and the header as written: a row's keys list integer-like names (`1000`) first. */
function readRows(raw: string): { cols: string[]; rows: Record<string, string>[] } {
  let cols: string[] = [];
  try {
    const rows: Record<string, string>[] = parseCsv(raw, {
      columns: (h: string[]) => (cols = h.map((c) => c.trim().toLowerCase())),
      skip_empty_lines: true,
      trim: true,
    });
    return { cols, rows };
  } catch (e) {
    const err = e as { message: string; lines?: number };
    throw new ParseError(`invalid CSV: ${err.message}`, err.lines);
  }
}

type TidyCsvOptions = z.infer<typeof tidyCsvOptionsSchema>;

/**
 * A wide table's samples: each row one run of its runtime, each `values` column one of its
 * metrics. Its runs are numbered in row order per runtime and workload, unless a repetition column
 * (`columns.repetition`, or one named `repetition`) numbers them from 1.
 */
function wideSamples(
  rows: Record<string, string>[],
  cols: string[],
  options: TidyCsvOptions,
  pick: (role: keyof typeof DEFAULT_COLUMNS) => string | undefined,
  fileName: string,
): ParsedSample[] {
  const lower = (c: string) => c.toLowerCase();
  // Without a runtime column, the file's label names the runtime (a folder, --runtime, a rule).
  const runtimeCol = pick("runtime");
  const missing = [...Object.keys(options.values ?? {}), ...options.params].filter((c) => !cols.includes(lower(c)));
  if (missing.length > 0) throw new ParseError(`header lacks ${missing.join(", ")}; found: ${cols.join(", ")}`, 1);
  const values = Object.entries(options.values ?? {}).map(([column, spec]) => {
    const unit = spec.unit ?? unitOf(column, undefined, options.units, 1);
    const metric = spec.metric ?? (SOURCE_UNITS[unit].unit === "ns" ? column.replace(TIME_SUFFIX, "") : column);
    return { column: lower(column), unit, metric, direction: spec.direction ?? options.directions[column] };
  });
  const [workloadCol, versionCol, variantCol] = [pick("workload"), pick("version"), pick("variant")];
  const repetitionCol = repetitionColumn(options, cols);
  const base = options.workload ?? fileStem(fileName);
  const seen = new Map<string, number>();
  return rows.flatMap((row, i) => {
    const line = i + 2;
    const runtime = runtimeCol ? requireCell(row, runtimeCol, line) : undefined;
    const [runtimeVersion, runtimeVariant] = [versionCol && row[versionCol], variantCol && row[variantCol]];
    const params = Object.fromEntries(options.params.map((p) => [p, paramValue(requireCell(row, lower(p), line))]));
    const workloadName = withParams((workloadCol && row[workloadCol]) || base, params);
    const category = categoryOf(options, undefined, workloadName, values[0]!.metric, line);
    const repetition = repetitionCol
      ? repetitionOf(row[repetitionCol], line)
      : nextRepetition(seen, JSON.stringify([runtime, runtimeVersion, runtimeVariant, workloadName]));
    // An empty cell is a metric this run did not record; anything else must be a number.
    return values
      .filter((v) => row[v.column] !== "")
      .map((v): ParsedSample => ({
        workload: { name: workloadName, category, params },
        metric: v.metric,
        ...toCanonical(toNumber(row[v.column], v.column, line), v.unit),
        ...(v.direction ? { direction: v.direction } : {}),
        repetition,
        ...(runtime ? { runtime } : {}),
        ...(runtimeVersion ? { runtimeVersion } : {}),
        ...(runtimeVariant ? { runtimeVariant } : {}),
      }));
  });
}

/** The manifest's category, else a row's valid category cell, else one inferred from the names. */
function categoryOf(
  options: TidyCsvOptions,
  cell: string | undefined,
  workload: string,
  metric: string,
  line: number,
): Category {
  const category = options.category ?? (cell && isCategory(cell) ? cell : inferCategory(workload, metric));
  if (!category)
    throw new ParseError(
      `cannot tell the category of "${workload}"; set options.category (one of ${CATEGORIES.join(", ")}) in the manifest`,
      line,
    );
  return category;
}

/** The column numbering runs from 1: the manifest's `columns.repetition`, or one named `repetition`. */
const repetitionColumn = (options: TidyCsvOptions, cols: string[]) =>
  options.columns.repetition?.toLowerCase() ?? (cols.includes("repetition") ? "repetition" : undefined);

/** A parameter cell: a number when it reads as one (sizes, counts), else its text. */
const paramValue = (cell: string): string | number => (Number.isFinite(Number(cell)) ? Number(cell) : cell);

/** The next 0-based repetition of a (runtime, workload, metric) key, counting rows in order. */
function nextRepetition(seen: Map<string, number>, key: string): number {
  const repetition = seen.get(key) ?? 0;
  seen.set(key, repetition + 1);
  return repetition;
}

/** A repetition cell (1, 2, ...) as the 0-based offset the planner numbers runs by. */
function repetitionOf(cell: string | undefined, line: number): number {
  const n = Number(cell);
  if (!cell || !Number.isInteger(n) || n < 1)
    throw new ParseError(`repetition must be a whole number from 1, not "${cell ?? ""}"`, line);
  return n - 1;
}

function requireCell(row: Record<string, string>, col: string, line: number): string {
  const v = row[col];
  if (!v) throw new ParseError(`empty ${col} cell`, line);
  return v;
}

function unitOf(metric: string, cell: string | undefined, units: Record<string, SourceUnit>, line: number): SourceUnit {
  if (cell) {
    if (!isSourceUnit(cell))
      throw new ParseError(`unknown unit "${cell}" (expected one of ${SOURCE_UNIT_IDS.join(", ")})`, line);
    return cell;
  }
  const declared = units[metric] ?? UNIT_SUFFIXES.find(([re]) => re.test(metric))?.[1];
  if (!declared)
    throw new ParseError(
      `no unit for metric "${metric}": add a unit column or options.units.${metric} in the manifest`,
      line,
    );
  return declared;
}
