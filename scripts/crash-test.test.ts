import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCrashCorpus } from "./reliability/test-corpora";
import { crashTest } from "./reliability/crash";

// A small `npm run test:crash`: a few SIGKILLs of the real ingest CLI, so CI covers crash safety.
describe("crash safety of ingest", () => {
  it("leaves a sound database after each SIGKILL and finishes with the uninterrupted export", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hvscope-crash-test-"));
    try {
      const corpus = join(dir, "corpus");
      expect(writeCrashCorpus(corpus, 500)).toBe(500);
      const report = await crashTest({ corpus, workDir: dir, kills: 3, seed: 7 });
      console.log(
        `crash test: ${report.kills} kills, ${report.killsWhileWriting} after files had been stored, ${report.checks} checks, ${report.exportRows} export rows`,
      );
      expect(report.problems).toEqual([]);
      expect(report.kills).toBe(3);
      // Every kill is followed by a check, and each round by a run to completion.
      expect(report.checks).toBeGreaterThanOrEqual(report.kills + report.rounds);
      expect(report.referenceFiles).toBe(500);
      expect(report.exportRows).toBe(report.referenceSamples);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
