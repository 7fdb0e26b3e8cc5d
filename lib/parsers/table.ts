import { z } from "zod";
import { CATEGORIES } from "@/lib/categories";
import { DIRECTIONS, SOURCE_UNIT_IDS } from "@/lib/units";
import { readOptions } from "./parser-options";
import { toCanonical, toNumber } from "./text";
import { ParseError, type ParsedSample, type Parser } from "./types";

const columnSchema = z.object({
  metric: z.string().regex(/^[a-z][a-z0-9_]*$/, "metric names are snake_case"),
  unit: z.enum(SOURCE_UNIT_IDS),
  direction: z.enum(DIRECTIONS).optional(),
  /** Rows may end before this column (Firecracker's QEMU boot files lack the VMM-reported time). */
  optional: z.boolean().default(false),
});

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
  version: 1,
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
    const required = options.columns.filter((c, i) => !c?.optional || i === 0).length;
    const samples: ParsedSample[] = [];
    const workload = {
      name: options.workload ?? ctx.fileName.replace(/^.*\//, "").replace(/\.[^.]*$/, ""),
      category: options.category,
      params: {},
    };
    let repetition = 0;
    raw.split(/\r?\n/).forEach((text, index) => {
      const line = index + 1;
      if (index < options.skipLines || text.trim() === "") return;
      const cells = text.trim().split(/\s*,\s*|\s+/);
      if (cells.length < required || cells.length > options.columns.length)
        throw new ParseError(
          `expected ${required === options.columns.length ? required : `${required} to ${options.columns.length}`} columns, found ${cells.length}`,
          line,
        );
      cells.forEach((cell, i) => {
        const column = options.columns[i];
        if (!column) return;
        const converted = toCanonical(toNumber(cell, column.metric, line), column.unit);
        samples.push({
          workload,
          metric: column.metric,
          ...converted,
          repetition,
          ...(column.direction ? { direction: column.direction } : {}),
        });
      });
      repetition++;
    });
    if (samples.length === 0) throw new ParseError("no data rows");
    return { samples };
  },
};
