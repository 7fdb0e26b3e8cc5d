import type { ViewSummary } from "./view-summary";

/** Rows an embed draws at most: one chart, small enough for an iframe. */
export const EMBED_MAX_BARS = 12;

/**
 * Policy of an embed: any site may frame it (that is its purpose), and it loads and runs nothing,
 * so framing it cannot be used against its reader.
 */
export const EMBED_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *; base-uri 'none'; form-action 'none'";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Labels come from imported data and links from the URL: every one is escaped. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const WIDTH = 760;
const LABEL = 260;
const HALF = 140;
/** Characters of a label that fit left of the bars; the bar's tooltip holds the whole label. */
const LABEL_CHARS = 36;
const clip = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label);
const ROW = 26;

/** One bar row of the chart: label, zero line, bar (red worse, blue better), value and n. */
function barRow(bar: ViewSummary["bars"][number], i: number): string {
  const y = i * ROW;
  const zero = LABEL + HALF;
  const width = Math.max(1, Math.abs(bar.extent) * HALF);
  const x = bar.extent >= 0 ? zero : zero - width;
  return [
    `<text x="${LABEL - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(clip(bar.label))}</text>`,
    `<rect x="${x.toFixed(1)}" y="${y + 5}" width="${width.toFixed(1)}" height="16" fill="${bar.extent >= 0 ? "#dc2626" : "#2563eb"}"><title>${escapeHtml(`${bar.label}: ${bar.value}, ${bar.count}`)}</title></rect>`,
    `<text x="${LABEL + 2 * HALF + 8}" y="${y + 17}">${escapeHtml(bar.value)} <tspan fill="#71717a">${escapeHtml(bar.count)}</tspan></text>`,
  ].join("");
}

/**
 * The whole embed page for one view: its title, one bar chart, the data source and a link back to
 * the full view. Plain HTML and SVG with no script, so it is light in any iframe.
 */
export function embedHtml(summary: ViewSummary, fullViewUrl: string): string {
  const height = Math.max(1, summary.bars.length) * ROW;
  const zero = LABEL + HALF;
  const chart =
    summary.bars.length === 0
      ? `<p>${escapeHtml(summary.description)}</p>`
      : `<svg role="img" aria-label="${escapeHtml(summary.caption)}" viewBox="0 0 ${WIDTH} ${height}" width="100%">` +
        `<line x1="${zero}" x2="${zero}" y1="0" y2="${height}" stroke="#a1a1aa"/>` +
        summary.bars.map(barRow).join("") +
        `</svg>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(summary.title)} · hvscope</title>
<style>
body{margin:0;padding:12px;font:13px/1.4 system-ui,sans-serif;color:#18181b;background:#fff}
h1{font-size:15px;margin:0 0 4px}
p{margin:4px 0;color:#52525b}
svg{font-size:12px;fill:#18181b;max-width:${WIDTH}px;display:block}
a{color:#2563eb}
</style>
</head>
<body>
<h1>${escapeHtml(summary.title)}</h1>
<p>${escapeHtml(summary.caption)}</p>
${chart}
<p>Data: ${escapeHtml(summary.source)} · <a href="${escapeHtml(fullViewUrl)}" target="_blank" rel="noopener">Open the full view in hvscope</a></p>
</body>
</html>
`;
}
