import { readdirSync } from "node:fs";
import { join } from "node:path";
import { detectParser } from "./index";
import { readFixture } from "./fixtures";
import { TOOL_IDS, type ToolId } from "./types";

const FIXTURE_ROOT = join(import.meta.dirname, "__fixtures__");

export interface FixtureFile {
  tool: ToolId;
  name: string;
  path: string;
  samples: number;
}

/**
 * Fixtures that a plain ingest (no manifest, runtime from the folder) imports: detected as
 * their own tool and parsed without error. Broken and wrong-tool fixtures drop out here.
 */
export function goodFixtures(): FixtureFile[] {
  const out: FixtureFile[] = [];
  for (const tool of TOOL_IDS) {
    let names: string[];
    try {
      names = readdirSync(join(FIXTURE_ROOT, tool)).filter((n) => n !== "commands.md").sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const raw = readFixture(tool, name);
      const parser = detectParser(raw, name);
      if (parser?.id !== tool) continue;
      try {
        const samples = parser.parse(raw, { fileName: name }).samples.length;
        if (samples > 0) out.push({ tool, name, path: join(FIXTURE_ROOT, tool, name), samples });
      } catch {
        // A deliberately broken fixture.
      }
    }
  }
  return out;
}
