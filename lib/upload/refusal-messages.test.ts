import { describe, expect, it } from "vitest";
import { explainRefusal } from "./refusal-messages";

describe("explainRefusal", () => {
  it("says what to do for each status the API answers, quoting the server where it names the cause", () => {
    expect(explainRefusal(401, "unknown or revoked token")).toMatch(
      /^The token was not accepted: check it for typos, .*\(the server said: unknown or revoked token\)\.$/,
    );
    expect(explainRefusal(403, "uploads are off on this instance (no upload token exists): …")).toMatch(
      /npm run token -- create NAME on the server/,
    );
    expect(explainRefusal(403, 'token "ci" may upload only to datasets matching "kata-*"')).toMatch(
      /^This token may not upload into that dataset: .*"kata-\*"/,
    );
    expect(explainRefusal(413, "more than 5000 files in one upload")).toMatch(
      /send fewer or smaller files .*5000 files/,
    );
    expect(explainRefusal(422, null)).toMatch(/Supported tools/);
    expect(explainRefusal(429, "too many", "42")).toBe(
      "Too many uploads with this token in the last minute: wait 42 s and send again.",
    );
    expect(explainRefusal(0, null)).toMatch(/could not be reached, so nothing was imported/);
    expect(explainRefusal(502, null)).toMatch(/status 502.*files stored already are skipped/);
  });
});
