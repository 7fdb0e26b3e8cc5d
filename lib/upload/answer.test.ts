import { describe, expect, it } from "vitest";
import { contextOf, describeFileCounts } from "./answer";

describe("describeFileCounts", () => {
  it("accounts for every file: outputs, then the manifest and the files it ignores", () => {
    expect(describeFileCounts({ files: 7, ignored: 6, manifests: 1 })).toBe(
      "14 files: 7 benchmark outputs read, 7 context files (1 manifest, 6 ignored by the manifest or documentation)",
    );
    expect(describeFileCounts({ files: 1, ignored: 0, manifests: 1 })).toBe(
      "2 files: 1 benchmark output read, 1 context file (1 manifest)",
    );
  });

  it("says only the outputs when there was no context, or the server did not count it", () => {
    expect(describeFileCounts({ files: 2, ignored: 0, manifests: 0 })).toBe("2 benchmark outputs read");
    expect(describeFileCounts({ files: 2 })).toBe("2 benchmark outputs read");
    expect(contextOf({ ignored: 3 })).toBeUndefined();
  });
});
