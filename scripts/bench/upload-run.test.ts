import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUploadToken } from "@/db/queries/upload-tokens";
import { checkReachable, remoteTarget } from "@/lib/upload/client";
import { BUNDLED } from "@/e2e/bundled-dataset";
import { createTestDb } from "@/test/test-db";
import { startUploadServer } from "@/test/upload-server";
import { redactToken, uploadRun } from "./upload-run";

describe("bench --upload", () => {
  const conn = createTestDb();
  let server: Awaited<ReturnType<typeof startUploadServer>>;
  let token: string;
  let out: string;
  beforeAll(async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    server = await startUploadServer(conn);
    token = await createUploadToken(conn.db, "bench-test", null);
    // A harness output folder as the run leaves it: manifest, host dumps, steps.json and outputs (here runc's startup step).
    out = join(mkdtempSync(join(tmpdir(), "hvscope-bench-upload-")), "quick-run");
    for (const f of ["hvscope.yaml", "steps.json", "sys", ...[1, 2, 3].map((r) => `runc/startup-rep${r}.json`)])
      cpSync(join("data", "bundled", f), join(out, f), { recursive: true });
  });
  afterAll(async () => {
    await server.close();
    conn.cleanup();
    rmSync(join(out, ".."), { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it("keeps a token given on the command line out of the manifest and steps.json", () => {
    expect(redactToken(["--runtime", "runc", "--upload", "https://h", "--token", "hvs_secret"])).toEqual([
      "--runtime",
      "runc",
      "--upload",
      "https://h",
      "--token",
      "***",
    ]);
    expect(redactToken(["--token=hvs_secret"])).toEqual(["--token=***"]);
  });

  it("checks the instance before the run", async () => {
    await expect(checkReachable(remoteTarget(server.origin, token))).resolves.toBeUndefined();
    await expect(checkReachable(remoteTarget(`${server.origin}/elsewhere`, token))).rejects.toThrow(
      `${server.origin}/elsewhere/api/imports answered 404 Not Found without hvscope's JSON`,
    );
  });

  it("sends the output folder, its manifest labelling the files, and prints the permalink", async () => {
    const lines: string[] = [];
    expect(await uploadRun(remoteTarget(server.origin, token), out, (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([
      `uploading ${out} to ${server.origin}/api/imports`,
      expect.stringMatching(
        /^\d+ files: 3 benchmark outputs read, \d+ context files \(1 manifest, \d+ ignored by the manifest or documentation\); 3 imported, 0 skipped \(already stored\), 0 failed; \d+ samples \(import #1\)$/,
      ),
      `view it: ${server.origin}/explore?dataset=${BUNDLED.dataset}&asof=1`,
    ]);
  });

  it("exits 1 when refused, saying that the outputs stay and how to send them again", async () => {
    const lines: string[] = [];
    expect(await uploadRun(remoteTarget(server.origin, "hvs_wrong"), out, (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toBe(
      `upload failed: ${server.origin}/api/imports refused the upload (401): unknown or revoked token; the outputs stay in ${out} (npm run ingest -- --remote URL ${out} sends them again)`,
    );
  });
});
