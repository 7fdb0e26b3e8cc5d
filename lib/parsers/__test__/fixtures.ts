import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ToolId } from "../types";

/** The captured tool outputs, one folder per tool. */
export const FIXTURE_ROOT = join(import.meta.dirname, "..", "__fixtures__");

/** Reads a captured tool output from `lib/parsers/__fixtures__/<tool>/<name>`. For tests. */
export function readFixture(tool: ToolId, name: string): string {
  return readFileSync(join(FIXTURE_ROOT, tool, name), "utf8");
}

/** Every fixture file of a tool (not its commands.md), for table-driven tests. */
export function listFixtures(tool: ToolId): string[] {
  return readdirSync(join(FIXTURE_ROOT, tool))
    .filter((f) => f !== "commands.md")
    .sort();
}
