import type { ViewSummary } from "@/lib/share/view-summary";

export const OG_SIZE = { width: 1200, height: 630 } as const;

const WORSE = "#dc2626";
const BETTER = "#2563eb";
const HALF = 250; // pixels from the zero line to a bar of extent 1

/**
 * The picture of a shared view (Open Graph and Twitter image), drawn by next/og: its title, its
 * largest changes as bars around zero, and the data source line. Satori lays out flex boxes only,
 * so every element with several children says `display: flex`.
 */
export function OgCard({ summary }: { summary: ViewSummary }) {
  return (
    <div
      style={{
        ...OG_SIZE,
        display: "flex",
        flexDirection: "column",
        padding: "40px 48px",
        background: "#ffffff",
        color: "#18181b",
        fontSize: 22,
      }}
    >
      <div style={{ display: "flex", fontSize: 34, lineHeight: 1.2, maxHeight: 124, overflow: "hidden" }}>
        {summary.title}
      </div>
      <div style={{ display: "flex", marginTop: 12, color: "#52525b" }}>{summary.caption}</div>
      <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, marginTop: 16 }}>
        {summary.bars.map((bar, i) => (
          <div key={i} style={{ display: "flex", alignItems: "center", height: 42 }}>
            <div
              style={{
                display: "block",
                width: 380,
                flexShrink: 0,
                overflow: "hidden",
                whiteSpace: "nowrap",
                textOverflow: "ellipsis",
              }}
            >
              {bar.label}
            </div>
            <div style={{ display: "flex", position: "relative", width: 2 * HALF, height: 28, flexShrink: 0 }}>
              <div style={{ position: "absolute", left: HALF, top: -8, width: 2, height: 44, background: "#a1a1aa" }} />
              <div
                style={{
                  position: "absolute",
                  top: 2,
                  height: 24,
                  left: bar.extent >= 0 ? HALF : HALF + bar.extent * HALF,
                  width: Math.max(2, Math.abs(bar.extent) * HALF),
                  background: bar.extent >= 0 ? WORSE : BETTER,
                }}
              />
            </div>
            <div style={{ display: "flex", marginLeft: 16, whiteSpace: "nowrap" }}>
              {bar.value}
              <span style={{ color: "#71717a", marginLeft: 8, fontSize: 18 }}>{bar.count}</span>
            </div>
          </div>
        ))}
      </div>
      <div style={{ display: "flex", justifyContent: "space-between", color: "#52525b", fontSize: 20 }}>
        <span>Data: {summary.source}</span>
        <span style={{ fontWeight: 700, color: "#18181b" }}>hvscope</span>
      </div>
    </div>
  );
}
