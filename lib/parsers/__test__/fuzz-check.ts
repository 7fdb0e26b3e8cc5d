import { createContext, runInContext } from "node:vm";
import type { FuzzCase } from "./fuzz-inputs";
import { detectParser, parsers } from "../index";
import { ParseError, type ParserOptions, type ToolId } from "../types";

/**
 * The table parser needs a manifest rule to parse at all; with one, it reads any numeric text,
 * so damaged inputs reach its number handling. Without one it must still fail cleanly.
 */
const TABLE_OPTIONS: ParserOptions = {
  category: "startup",
  columns: [
    { metric: "wall_time", unit: "us" },
    { metric: "max_rss", unit: "kB", optional: true },
  ],
};

const calls: [ToolId, ParserOptions | undefined][] = [
  ...Object.keys(parsers).map((id): [ToolId, undefined] => [id as ToolId, undefined]),
  ["table", TABLE_OPTIONS],
];

/** How many parse calls checkEveryParser makes per input (every parser, the table one twice). */
export const PARSES_PER_INPUT = calls.length;

// Parsers are synchronous, so a hang (a catastrophic regex, an endless loop) cannot be raced by a
// timer: running inside a vm context with `timeout` lets V8 interrupt it and report the case.
const sandbox = createContext({ run: () => {} });

/**
 * Feeds one input to detectParser and every parser, the way ingest reads a file (bytes decoded as
 * UTF-8). Returns what went wrong: an exception other than ParseError, a sample that is not a
 * finite number, or a parse slower than `budgetMs`. A parse that never ends is interrupted once
 * all of them together have had four budgets.
 */
export function checkEveryParser(c: FuzzCase, budgetMs: number): string[] {
  const raw = c.bytes.toString("utf8");
  const problems: string[] = [];
  const where = (who: string) => `${who} on ${c.from} [${c.how}]`;
  let running = "detectParser";
  const attempt = (who: string, fn: () => void) => {
    running = who;
    const started = performance.now();
    try {
      fn();
    } catch (e) {
      if (!(e instanceof ParseError))
        problems.push(`${where(who)} threw ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
    }
    const ms = performance.now() - started;
    if (ms > budgetMs)
      problems.push(`${where(who)} took ${ms.toFixed(0)} ms (budget ${budgetMs} ms, ${raw.length} chars)`);
  };
  sandbox.run = () => {
    attempt("detectParser", () => void detectParser(raw, c.fileName));
    for (const [id, options] of calls)
      attempt(`${id}${options ? " (with options)" : ""}`, () => {
        const result = parsers[id].parse(raw, { fileName: c.fileName, ...(options ? { options } : {}) });
        const bad = result.samples.find((s) => typeof s.value !== "number" || !Number.isFinite(s.value));
        if (bad) problems.push(`${where(id)} returned ${bad.metric} = ${String(bad.value)} for ${bad.workload.name}`);
      });
  };
  try {
    runInContext("run()", sandbox, { timeout: 4 * budgetMs });
  } catch (e) {
    problems.push(
      `${where(running)} was interrupted after ${4 * budgetMs} ms: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return problems;
}
