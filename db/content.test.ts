import { describe, expect, it } from "vitest";
import { readFixture } from "@/lib/parsers/__test__/fixtures";
import { packContent, unpackContent } from "./content";

describe("stored file content", () => {
  it("round-trips a real output byte for byte and stores it smaller", () => {
    const raw = readFixture("fio", "two-jobs.json");
    const packed = packContent(Buffer.from(raw));
    expect(unpackContent(packed)).toBe(raw);
    expect(packed.length).toBeLessThan(raw.length / 3);
  });
});
