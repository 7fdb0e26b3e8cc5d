/** Saves text or a blob under a file name, in the browser. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/** What an exported chart says around its drawing, so the file stands on its own. */
export interface ExportFrame {
  title: string;
  /** The view's URL. */
  permalink: string;
  /** Where the numbers come from: dataset, host, import. */
  source: string;
  legend?: readonly { label: string; color: string }[];
}

const SVG_NS = "http://www.w3.org/2000/svg";
const PAD = 16;

/**
 * One standalone SVG document of a chart: its title above, the chart's SVG elements (one, or a
 * panel each) where they sit on the page, then the legend, permalink and source lines. Computed
 * colours are inlined (currentColor would be lost).
 */
export function composeSvg(
  container: HTMLElement,
  charts: readonly SVGSVGElement[],
  frame: ExportFrame,
): { text: string; width: number; height: number } {
  const color = getComputedStyle(container).color;
  const background = getComputedStyle(document.body).backgroundColor;
  const shown = charts.filter((c) => c.getBoundingClientRect().width > 0); // not in a folded category
  const box = container.getBoundingClientRect();
  // From the first chart's top: an HTML legend above it is drawn again below, as SVG.
  const origin = {
    left: box.left,
    top: Math.min(...shown.map((c) => c.getBoundingClientRect().top)),
    width: box.width,
  };
  const doc = document.createElementNS(SVG_NS, "svg");
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const width = Math.max(480, Math.ceil(origin.width)) + 2 * PAD;
  doc.append(el("rect", { width: "100%", height: "100%", fill: background }));
  doc.append(
    el("text", { x: PAD, y: PAD + 14, "font-size": 16, "font-weight": 600, fill: "currentColor" }, frame.title),
  );
  let bottom = PAD + 28;
  for (const chart of shown) {
    const r = chart.getBoundingClientRect();
    const clone = chart.cloneNode(true) as SVGSVGElement;
    const [x, y] = [PAD + r.left - origin.left, PAD + 28 + r.top - origin.top];
    for (const [k, v] of Object.entries({ x, y, width: r.width, height: r.height })) clone.setAttribute(k, String(v));
    doc.append(clone);
    bottom = Math.max(bottom, y + r.height);
  }
  let [lx, ly] = [PAD, bottom + 20];
  for (const item of frame.legend ?? []) {
    const itemWidth = 24 + item.label.length * 6.5;
    if (lx + itemWidth > width - PAD && lx > PAD) [lx, ly] = [PAD, ly + 18];
    doc.append(el("rect", { x: lx, y: ly - 9, width: 10, height: 10, fill: item.color }));
    doc.append(el("text", { x: lx + 14, y: ly, "font-size": 11, fill: "currentColor" }, item.label));
    lx += itemWidth;
  }
  if (frame.legend?.length) ly += 22;
  doc.append(el("text", { x: PAD, y: ly, "font-size": 11, fill: "currentColor" }, frame.source));
  doc.append(el("text", { x: PAD, y: ly + 16, "font-size": 11, fill: "currentColor" }, frame.permalink));
  const height = Math.ceil(ly + 16 + PAD);
  for (const [k, v] of Object.entries({ xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}` }))
    doc.setAttribute(k, String(v));
  doc.setAttribute("style", `color: ${color}; font-family: system-ui, sans-serif`);
  return { text: new XMLSerializer().serializeToString(doc), width, height };
}

/** Renders an SVG document onto a canvas at 2x and returns it as PNG. */
export async function svgToPng(svgText: string, width: number, height: number): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("canvas 2D context unavailable");
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
  );
}
