import { readdirSync } from "node:fs";
import { join } from "node:path";
import { detectParser } from "../index";
import { FIXTURE_ROOT, readFixture } from "./fixtures";
import { TOOL_IDS, type ToolId } from "../types";

export interface FixtureFile {
  tool: ToolId;
  name: string;
  path: string;
  samples: number;
  /** Distinct workload names, sorted: fixtures with the same list measure the same thing. */
  workloads: string[];
}

/**
 * Fixtures that a plain ingest (no manifest, runtime from the folder) imports: detected as
 * their own tool and parsed without error. Broken and wrong-tool fixtures drop out here, and so
 * do the issue-N regression fixtures: made by damaging or repeating captured outputs, they are
 * not outputs a corpus should be made of (issue-7-1 alone is half a megabyte of one report).
 */
export function goodFixtures(): FixtureFile[] {
  const out: FixtureFile[] = [];
  for (const tool of TOOL_IDS) {
    let names: string[];
    try {
      names = readdirSync(join(FIXTURE_ROOT, tool))
        .filter((n) => n !== "commands.md" && !n.startsWith("issue-"))
        .sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const raw = readFixture(tool, name);
      const parser = detectParser(raw, name);
      if (parser?.id !== tool) continue;
      try {
        const { samples } = parser.parse(raw, { fileName: name });
        const workloads = [...new Set(samples.map((s) => s.workload.name))].sort();
        if (samples.length > 0)
          out.push({ tool, name, path: join(FIXTURE_ROOT, tool, name), samples: samples.length, workloads });
      } catch {
        // A deliberately broken fixture.
      }
    }
  }
  return out;
}
