import { describe, expect, it } from "vitest";
import { nextMarkIndex, type MarkPosition } from "./mark-navigation";

const list = (n: number): MarkPosition[] => Array.from({ length: n }, (_, i) => ({ row: 0, col: i }));
const column = (n: number): MarkPosition[] => Array.from({ length: n }, (_, i) => ({ row: i, col: 0 }));
// 3 rows × 3 columns, the middle row lacking its middle cell (a heatmap's "no data").
const grid: MarkPosition[] = [
  { row: 0, col: 0 },
  { row: 0, col: 1 },
  { row: 0, col: 2 },
  { row: 1, col: 0 },
  { row: 1, col: 2 },
  { row: 2, col: 0 },
  { row: 2, col: 1 },
  { row: 2, col: 2 },
];

describe("nextMarkIndex", () => {
  it("steps through a list with every arrow and stops at its ends", () => {
    expect(nextMarkIndex(list(3), 0, "ArrowRight")).toBe(1);
    expect(nextMarkIndex(list(3), 1, "ArrowDown")).toBe(2);
    expect(nextMarkIndex(list(3), 2, "ArrowRight")).toBe(2);
    expect(nextMarkIndex(list(3), 1, "ArrowUp")).toBe(0);
    expect(nextMarkIndex(list(3), 0, "ArrowLeft")).toBe(0);
    expect(nextMarkIndex(column(4), 1, "ArrowDown")).toBe(2);
  });

  it("jumps to the ends with Home and End", () => {
    expect(nextMarkIndex(list(5), 2, "Home")).toBe(0);
    expect(nextMarkIndex(column(5), 2, "End")).toBe(4);
  });

  it("keeps the current mark for other keys and for no marks", () => {
    expect(nextMarkIndex(list(3), 1, "Enter")).toBe(1);
    expect(nextMarkIndex([], 0, "ArrowDown")).toBe(0);
  });

  it("moves within the row and to the nearest column of the next row in a grid", () => {
    expect(nextMarkIndex(grid, 3, "ArrowRight")).toBe(4);
    expect(nextMarkIndex(grid, 4, "ArrowRight")).toBe(4);
    expect(nextMarkIndex(grid, 1, "ArrowDown")).toBe(3); // column 1 is empty in row 1: the nearer of 0 and 2, the first
    expect(nextMarkIndex(grid, 6, "ArrowUp")).toBe(3);
    expect(nextMarkIndex(grid, 2, "ArrowDown")).toBe(4);
    expect(nextMarkIndex(grid, 7, "ArrowDown")).toBe(7);
  });

  it("goes to the row's ends with Home and End, and the grid's with Ctrl", () => {
    expect(nextMarkIndex(grid, 4, "Home")).toBe(3);
    expect(nextMarkIndex(grid, 3, "End")).toBe(4);
    expect(nextMarkIndex(grid, 4, "Home", true)).toBe(0);
    expect(nextMarkIndex(grid, 4, "End", true)).toBe(7);
  });
});
