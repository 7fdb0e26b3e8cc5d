import { z } from "zod";
import { CATEGORIES } from "@/lib/categories";
import { DIRECTIONS, SOURCE_UNIT_IDS } from "@/lib/units";
import { readOptions } from "./parser-options";
import { fileStem, toCanonical, toNumber, withParams } from "./text";
import { ParseError, type ParsedSample, type Parser } from "./types";

const SNAKE = /^[a-z][a-z0-9_]*$/;

const metricColumn = z.object({
  metric: z.string().regex(SNAKE, "metric names are snake_case"),
  unit: z.enum(SOURCE_UNIT_IDS),
  direction: z.enum(DIRECTIONS).optional(),
  /** Rows may end before this column (Firecracker's QEMU boot files lack the VMM-reported time). */
  optional: z.boolean().default(false),
});

/** A parameter the rows sweep (an allocation size, a block size): each value is a workload of its own. */
const paramColumn = z.strictObject({ param: z.string().regex(SNAKE, "parameter names are snake_case") });

const columnSchema = z.union([metricColumn, paramColumn]);

/** Manifest `options` for numeric tables: what each column is; `null` skips a column. */
const tableOptionsSchema = z.object({
  columns: z.array(columnSchema.nullable()).min(1),
  /** Lines before the data (a header the manifest already explains). */
  skipLines: z.number().int().min(0).default(0),
  /** Defaults to the file name without extension; a rule's `workload` label overrides both. */
  workload: z.string().min(1).optional(),
  category: z.enum(CATEGORIES),
});

const NUMERIC_ROW = /^\s*-?\d[\d.eE+-]*(?:(?:\s+|\s*,\s*)-?\d[\d.eE+-]*)*\s*$/;

export const tableParser: Parser = {
  id: "table",
  // 2: `param` columns: each value of a swept parameter is a workload of its own.
  version: 2,
  describe: "numeric table (whitespace- or comma-separated), columns named by a manifest rule",
  detect(raw) {
    const lines = raw.split(/\r?\n/).filter((l) => l.trim() !== "");
    // Allow one header line: IDLab's files start with a `runtime,snapshotter,iterations` line.
    const body = lines.length > 1 && !NUMERIC_ROW.test(lines[0]!) ? lines.slice(1) : lines;
    return body.length > 0 && body.every((l) => NUMERIC_ROW.test(l));
  },
  parse(raw, ctx) {
    if (!ctx.options)
      throw new ParseError(
        "a numeric table needs a manifest rule with parser: table and options.columns naming each column's metric and unit",
      );
    const options = readOptions(tableOptionsSchema, ctx.options, "table");
    const required = options.columns.filter((c, i) => !(c && "metric" in c && c.optional) || i === 0).length;
    const samples: ParsedSample[] = [];
    const base = options.workload ?? fileStem(ctx.fileName);
    /** Rows so far of each workload (each parameter value): the next row's repetition. */
    const rows = new Map<string, number>();
    raw.split(/\r?\n/).forEach((text, index) => {
      const line = index + 1;
      if (index < options.skipLines || text.trim() === "") return;
      const cells = text.trim().split(/\s*,\s*|\s+/);
      if (cells.length < required || cells.length > options.columns.length)
        throw new ParseError(
          `expected ${required === options.columns.length ? required : `${required} to ${options.columns.length}`} columns, found ${cells.length}`,
          line,
        );
      const params: Record<string, number> = {};
      cells.forEach((cell, i) => {
        const column = options.columns[i];
        if (column && "param" in column) params[column.param] = toNumber(cell, column.param, line);
      });
      const name = withParams(base, params);
      const workload = { name, category: options.category, params };
      const repetition = rows.get(name) ?? 0;
      rows.set(name, repetition + 1);
      cells.forEach((cell, i) => {
        const column = options.columns[i];
        if (!column || !("metric" in column)) return;
        const converted = toCanonical(toNumber(cell, column.metric, line), column.unit);
        samples.push({
          workload,
          metric: column.metric,
          ...converted,
          repetition,
          ...(column.direction ? { direction: column.direction } : {}),
        });
      });
    });
    if (samples.length === 0) throw new ParseError("no data rows");
    return { samples };
  },
};
