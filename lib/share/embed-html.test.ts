import { describe, expect, it } from "vitest";
import { embedHtml, escapeHtml } from "./embed-html";
import type { ViewSummary } from "./view-summary";

const summary: ViewSummary = {
  title: `<script>alert(1)</script> against runc`,
  description: "",
  source: `d"s on h&h, as of import #1`,
  caption: "Overhead against runc (cost ratio − 1; right is worse)",
  bars: [
    { label: `<img src=x onerror=alert(1)> · w`, value: "+800 %", count: "n = 3", overheadPct: 800, extent: 1 },
    { label: "crun · w", value: "−10.0 %", count: "n = 1, no interval", overheadPct: -10, extent: -0.5 },
  ],
};

describe("embedHtml", () => {
  const html = embedHtml(summary, "http://h/explore?dataset=a&asof=1");

  it("escapes every label from the data and the link", () => {
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; · w");
    expect(html).toContain('href="http://h/explore?dataset=a&amp;asof=1"');
    expect(escapeHtml(`'"&<>`)).toBe("&#39;&quot;&amp;&lt;&gt;");
  });

  it("draws one bar per row, worse to the right of zero in red, better to the left in blue", () => {
    const rects = [...html.matchAll(/<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="16" fill="(#\w+)"/g)];
    expect(rects.map((r) => [Number(r[1]), Number(r[2]), r[3]])).toEqual([
      [400, 140, "#dc2626"],
      [330, 70, "#2563eb"],
    ]);
    expect(html).toContain("n = 1, no interval");
  });
});
