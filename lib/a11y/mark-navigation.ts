/** Where a mark sits: its row and column (a one-dimensional chart puts every mark in row 0). */
export interface MarkPosition {
  row: number;
  col: number;
}

/** Keys that move between marks; anything else is left to the browser. */
const MOVES = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"]);

export const isMoveKey = (key: string) => MOVES.has(key);

/**
 * The mark a key moves to from `current` (an index into `positions`, listed in reading order), or
 * `current` when there is none. In a list (one row or one column) all four arrows step back and
 * forth, so a vertical bar list answers ↑↓ and a row of points ←→; Home and End go to the first and
 * last. In a grid ←→ stay in the row, ↑↓ go to the nearest column of the row above or below, Home
 * and End to the row's ends and Ctrl+Home / Ctrl+End to the grid's (the ARIA grid keys).
 */
export function nextMarkIndex(positions: readonly MarkPosition[], current: number, key: string, ctrl = false): number {
  const last = positions.length - 1;
  if (last < 0) return current;
  const here = positions[Math.min(Math.max(current, 0), last)]!;
  const rows = new Set(positions.map((p) => p.row));
  const cols = new Set(positions.map((p) => p.col));
  const isList = rows.size === 1 || cols.size === 1;
  if (isList || ((key === "Home" || key === "End") && ctrl)) {
    if (key === "Home") return 0;
    if (key === "End") return last;
    const step = key === "ArrowLeft" || key === "ArrowUp" ? -1 : key === "ArrowRight" || key === "ArrowDown" ? 1 : 0;
    return Math.min(Math.max(current + step, 0), last);
  }
  const inRow = positions.flatMap((p, i) => (p.row === here.row ? [i] : []));
  switch (key) {
    case "Home":
      return inRow[0]!;
    case "End":
      return inRow.at(-1)!;
    case "ArrowLeft":
      return inRow[Math.max(inRow.indexOf(current) - 1, 0)]!;
    case "ArrowRight":
      return inRow[Math.min(inRow.indexOf(current) + 1, inRow.length - 1)]!;
    case "ArrowUp":
    case "ArrowDown":
      return nearestInRow(positions, current, here, key === "ArrowUp" ? -1 : 1);
    default:
      return current;
  }
}

/** The mark closest to `here`'s column in the next row that has marks, above (-1) or below (1). */
function nearestInRow(positions: readonly MarkPosition[], current: number, here: MarkPosition, dir: -1 | 1): number {
  const rows = [...new Set(positions.map((p) => p.row))].filter((r) => (r - here.row) * dir > 0);
  if (rows.length === 0) return current;
  const target = dir > 0 ? Math.min(...rows) : Math.max(...rows);
  let best = current;
  let bestDistance = Infinity;
  positions.forEach((p, i) => {
    const distance = Math.abs(p.col - here.col);
    if (p.row === target && distance < bestDistance) [best, bestDistance] = [i, distance];
  });
  return best;
}
