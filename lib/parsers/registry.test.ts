import { describe, expect, it } from "vitest";
import { goodFixtures } from "./__test__/good-fixtures";
import { listFixtures, readFixture } from "./__test__/fixtures";
import { DETECTION_ORDER, detectParser, parsers } from "./index";
import { TOOL_IDS } from "./types";

describe("parser registry", () => {
  it("has one parser per tool, each in the detection order once", () => {
    expect(Object.keys(parsers).sort()).toEqual([...TOOL_IDS].sort());
    expect(DETECTION_ORDER.map((p) => p.id).sort()).toEqual([...TOOL_IDS].sort());
  });

  it("routes every fixture its own parser accepts to that parser, not an earlier one", () => {
    const tools = TOOL_IDS.filter((t) => t !== "tidy-csv" && t !== "table");
    let checked = 0;
    for (const tool of tools)
      for (const name of listFixtures(tool)) {
        const raw = readFixture(tool, name);
        let parses = false;
        try {
          parses = parsers[tool].parse(raw, { fileName: name }).samples.length > 0;
        } catch {
          continue; // a deliberately broken or foreign fixture
        }
        if (!parses) continue;
        expect(detectParser(raw, "renamed.out")?.id, `${tool}/${name}`).toBe(tool);
        // Regression fixtures are routed like the rest but left out of goodFixtures (corpus.ts).
        if (!name.startsWith("issue-")) checked++;
      }
    expect(checked).toBe(goodFixtures().filter((f) => (tools as readonly string[]).includes(f.tool)).length);
    expect(checked).toBeGreaterThan(60);
  });

  it("claims no empty or whitespace-only file", () => {
    for (const raw of ["", "\n", "   \n\t\n"]) expect(detectParser(raw, "x")).toBeUndefined();
  });
});
