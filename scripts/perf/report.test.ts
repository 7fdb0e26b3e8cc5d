import { describe, expect, it } from "vitest";
import { formatTable, kb, ms } from "./report";

describe("report formatting", () => {
  it("aligns the first column left and the others right", () => {
    expect(
      formatTable(
        [
          ["files/s", "1", "10"],
          ["samples/s", "100", "2"],
        ],
        "",
      ),
    ).toBe("files/s      1  10\nsamples/s  100   2");
  });

  it("formats durations and sizes", () => {
    expect([ms(4.25), ms(42.4), ms(1234), ms(null)]).toEqual(["4.3 ms", "42 ms", "1.23 s", "timeout"]);
    expect(kb(332591)).toBe("332.6 kB");
  });
});
