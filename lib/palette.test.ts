import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OTHER_RUNTIME_COLOR, RUNTIME_COLORS } from "./palette";

/** The page's background and text colours per theme, as app/globals.css sets them. */
function pageColors(): { theme: string; bg: string; fg: string }[] {
  const css = readFileSync(new URL("../app/globals.css", import.meta.url), "utf8");
  return [
    ["light", ":root"],
    ["dark", ".dark"],
  ].map(([theme, selector]) => {
    const block = new RegExp(`^${selector!.replace(".", "\\.")} \\{([^}]*)\\}`, "m").exec(css)?.[1];
    const value = (name: string) => {
      const v = block && new RegExp(`--${name}: (#[0-9a-f]{6});`, "i").exec(block)?.[1];
      if (!v) throw new Error(`app/globals.css: ${selector} has no --${name} as #rrggbb`);
      return v;
    };
    return { theme: theme!, bg: value("page-bg"), fg: value("page-fg") };
  });
}

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("runtime colours", () => {
  const colors = { ...RUNTIME_COLORS, other: OTHER_RUNTIME_COLOR };
  for (const { theme, bg, fg } of pageColors()) {
    it(`keep 3:1 contrast against the ${theme} background (${bg})`, () => {
      const failing = Object.entries(colors)
        // currentColor is the page's text colour
        .map(([id, c]) => [id, c === "currentColor" ? fg : c, contrast(c === "currentColor" ? fg : c, bg)] as const)
        .filter(([, , ratio]) => ratio < 3);
      expect(failing).toEqual([]);
    });
  }

  it("computes contrast as WCAG does (black on white 21:1, the old yellow of gVisor systrap fails)", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrast("#F0E442", "#ffffff")).toBeLessThan(3);
  });
});
