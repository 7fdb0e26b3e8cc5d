/** Plain-text tables for benchmark output: first column left-aligned, the others right-aligned. */
export function formatTable(rows: readonly (readonly string[])[], indent = "  "): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map(
      (row) =>
        indent +
        row
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
          .join("  ")
          .trimEnd(),
    )
    .join("\n");
}

export const int = (n: number) => Math.round(n).toLocaleString("en");
/** Null or Infinity stand for "no answer within the timeout". */
export const ms = (n: number | null) =>
  n === null || n === Infinity
    ? "timeout"
    : n >= 1000
      ? `${(n / 1000).toFixed(2)} s`
      : `${n.toFixed(n < 10 ? 1 : 0)} ms`;
export const pct = (n: number) => `${(n * 100).toFixed(0)} %`;
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
/** Resident memory; "–" when the process could not be read. */
export const mb = (bytes: number | undefined) => (bytes === undefined ? "–" : `${(bytes / 1e6).toFixed(0)} MB`);
export const verdict = (ok: boolean) => (ok ? "met" : "NOT MET");
