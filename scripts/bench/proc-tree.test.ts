import { describe, expect, it } from "vitest";
import { descendantsOf, parentPidOf, readProcessParents } from "./proc-tree";

describe("process tree", () => {
  it("reads the parent pid after the command name, even one with spaces and parentheses", () => {
    expect(parentPidOf("32666 (cat) R 32619 32619 24024 0 -1 4194304 98 0")).toBe(32619);
    expect(parentPidOf("15805 (exe (stub) x) S 15755 15753 24024 0 -1")).toBe(15755);
    expect(parentPidOf("garbage")).toBeUndefined();
  });

  it("collects children and grandchildren, not the root or unrelated processes", () => {
    // runsc run (100) -> gofer (101), sandbox (102) -> ptrace stubs (103, 104); 200 is unrelated.
    const parents = new Map([
      [100, 1],
      [101, 100],
      [102, 100],
      [103, 102],
      [104, 102],
      [200, 1],
    ]);
    expect(descendantsOf(100, parents)).toEqual([101, 102, 103, 104]);
    expect(descendantsOf(104, parents)).toEqual([]);
  });

  it("sees this test's own process under its parent on the live /proc", () => {
    const parents = readProcessParents();
    expect(parents.get(process.pid)).toBe(process.ppid);
    expect(descendantsOf(process.ppid, parents)).toContain(process.pid);
  });
});
