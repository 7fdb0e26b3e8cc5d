import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listTidyRows } from "@/db/queries/tidy-rows";
import { createUploadToken } from "@/db/queries/upload-tokens";
import { createTestDb } from "@/test/test-db";
import { startUploadServer } from "@/test/upload-server";

const ROOT = join(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const FIXTURES = join(ROOT, "lib", "parsers", "__fixtures__", "hyperfine");
/** Two real hyperfine exports in a folder of their own (the fixtures folder also holds broken ones). */
const HYPERFINE = join(mkdtempSync(join(tmpdir(), "hvscope-remote-cli-")), "hyperfine");

/** The CLI in a child process, asynchronously: the upload server answers from this process meanwhile. */
async function ingest(args: string[], env: Record<string, string> = {}) {
  try {
    const r = await promisify(execFile)(TSX, [join(ROOT, "scripts", "ingest.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: "1", ...env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const r = e as { code: number; stdout: string; stderr: string };
    return { code: r.code, stdout: r.stdout, stderr: r.stderr };
  }
}

describe("npm run ingest -- --remote URL", () => {
  const conn = createTestDb();
  let server: Awaited<ReturnType<typeof startUploadServer>>;
  let token: string;
  beforeAll(async () => {
    mkdirSync(HYPERFINE);
    for (const f of ["runs10.json", "warmup.json"]) cpSync(join(FIXTURES, f), join(HYPERFINE, f));
    vi.spyOn(console, "error").mockImplementation(() => {});
    server = await startUploadServer(conn);
    token = await createUploadToken(conn.db, "cli-test", null);
  });
  afterAll(async () => {
    await server.close();
    conn.cleanup();
    rmSync(dirname(HYPERFINE), { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it("sends the files with ingest's labels, takes the token from HVSCOPE_TOKEN, prints the summary and the link", async () => {
    const r = await ingest(["--remote", server.origin, "--dataset", "remote-cli", "--runtime", "runc", HYPERFINE], {
      HVSCOPE_TOKEN: token,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^2 benchmark outputs read; 2 imported, 0 skipped \(already stored\), 0 failed; \d+ samples \(import #1\)$/m,
    );
    expect(r.stdout).toContain(`view it: ${server.origin}/explore?dataset=remote-cli&asof=1`);
    const rows = await listTidyRows(conn.db);
    expect(new Set(rows.map((row) => `${row.dataset} ${row.runtime}`))).toEqual(new Set(["remote-cli runc"]));
  }, 60_000);

  it("--json prints the server's answer as one object; a re-send is skipped", async () => {
    const args = ["--remote", `${server.origin}/api/imports`, "--token", token, "--json", "--dataset", "remote-json"];
    const first = await ingest([...args, "--runtime", "crun", HYPERFINE]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ files: 2, imported: 2, skipped: 0, failed: [] });
    const again = await ingest([...args, "--runtime", "crun", HYPERFINE]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ files: 2, imported: 0, skipped: 2, failed: [], samples: 0 });
  }, 60_000);

  it("exits 1 naming the URL and the server's reason, or the local options that cannot apply", async () => {
    const refused = await ingest(["--remote", server.origin, "--token", "hvs_wrong", HYPERFINE]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `error: ${server.origin}/api/imports refused the upload (401): unknown or revoked token`,
    );
    const noToken = await ingest(["--remote", server.origin, HYPERFINE], { HVSCOPE_TOKEN: "" });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/needs a token: --token TOKEN or HVSCOPE_TOKEN/);
    const local = await ingest(["--remote", server.origin, "--token", token, "--db", "x.db", "--dry-run", HYPERFINE]);
    expect(local.code).toBe(1);
    expect(local.stderr).toMatch(/--remote imports on the server, where --db, --dry-run cannot apply/);
  }, 60_000);
});
