import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importPaths } from "@/db/ingest/import-paths";
import { listTidyRows } from "@/db/queries/tidy-rows";
import { createUploadToken } from "@/db/queries/upload-tokens";
import { createTestDb } from "@/test/test-db";
import { startUploadServer } from "@/test/upload-server";
import { collectUploadFiles, postUpload, remoteTarget, RemoteUploadError, uploadPaths } from "./client";

describe("remoteTarget", () => {
  it("takes an instance's address or its /api/imports, and a token", () => {
    expect(remoteTarget("https://hvscope.example", "t").endpoint.href).toBe("https://hvscope.example/api/imports");
    expect(remoteTarget("https://hvscope.example/sub/", "t").endpoint.href).toBe(
      "https://hvscope.example/sub/api/imports",
    );
    expect(remoteTarget("http://127.0.0.1:3000/api/imports", " t ")).toMatchObject({ token: "t" });
  });

  it("says what is wrong with the address or the missing token", () => {
    expect(() => remoteTarget("hvscope.example", "t")).toThrow(/not a URL: give the instance's address/);
    expect(() => remoteTarget("ftp://hvscope.example", "t")).toThrow(/only http:\/\/ and https:\/\//);
    expect(() => remoteTarget("https://hvscope.example", undefined)).toThrow(/--token TOKEN or HVSCOPE_TOKEN/);
  });
});

describe("collectUploadFiles", () => {
  it("sends a folder under its own name, manifest and host dumps included, documentation left out", () => {
    const paths = collectUploadFiles(["data/bundled"]).map((f) => f.path);
    expect(paths).toContain("bundled/hvscope.yaml");
    expect(paths).toContain("bundled/sys/uname.txt");
    expect(paths).toContain("bundled/runc/startup-rep1.json");
    expect(paths).not.toContain("bundled/README.md");
  });

  it("sends a file under its folder's name, and refuses two paths that would share a name", () => {
    const fixture = "lib/parsers/__fixtures__/hyperfine/runs10.json";
    expect(collectUploadFiles([fixture]).map((f) => f.path)).toEqual(["hyperfine/runs10.json"]);
    const dir = mkdtempSync(join(tmpdir(), "hvscope-client-"));
    try {
      cpSync(fixture, join(dir, "hyperfine", "runs10.json"), { recursive: true });
      expect(() => collectUploadFiles([fixture, join(dir, "hyperfine")])).toThrow(
        /would both be sent as hyperfine\/runs10\.json/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("uploadPaths against the route's handler over HTTP", () => {
  const conn = createTestDb();
  let server: Awaited<ReturnType<typeof startUploadServer>>;
  let token: string;
  beforeAll(async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    server = await startUploadServer(conn);
    token = await createUploadToken(conn.db, "client-test", null);
  });
  afterAll(async () => {
    await server.close();
    conn.cleanup();
    vi.restoreAllMocks();
  });

  it("imports a harness output folder as a local import of it does: same summary, same export", async () => {
    const answer = await uploadPaths(remoteTarget(server.origin, token), ["data/bundled"]);
    const local = createTestDb();
    try {
      const summary = await importPaths(local, ["data/bundled"]);
      expect(answer).toMatchObject({
        files: summary.files,
        imported: summary.imported,
        skipped: 0,
        failed: summary.failed,
        samples: summary.samples,
      });
      expect(summary.imported).toBeGreaterThan(400);
      const rows = await listTidyRows(conn.db);
      expect(rows).toEqual(await listTidyRows(local.db));
      expect(answer.permalink).toBe(`${server.origin}/explore?dataset=${rows[0]!.dataset}&asof=${answer.importId}`);
    } finally {
      local.cleanup();
    }
  }, 180_000);

  it("names the URL and the server's reason when refused, with the summary when there is one", async () => {
    const target = remoteTarget(server.origin, `${token}x`);
    await expect(uploadPaths(target, ["lib/parsers/__fixtures__/hyperfine"])).rejects.toThrow(
      `${server.origin}/api/imports refused the upload (401): unknown or revoked token`,
    );
    const dir = mkdtempSync(join(tmpdir(), "hvscope-client-"));
    try {
      writeFileSync(join(dir, "notes.log"), "no benchmark here\n");
      const refused = await uploadPaths(remoteTarget(server.origin, token), [dir]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RemoteUploadError);
      expect((refused as RemoteUploadError).message).toMatch(/refused the upload \(422\): nothing importable/);
      expect((refused as RemoteUploadError).answer?.failed).toEqual([
        { file: expect.stringMatching(/notes\.log$/), error: expect.any(String) },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says when the address is no hvscope instance, or cannot be reached", async () => {
    const notHvscope = { endpoint: new URL(`${server.origin}/nothing`), token };
    await expect(uploadPaths(notHvscope, ["lib/parsers/__fixtures__/hyperfine"])).rejects.toThrow(
      /answered 404 Not Found without hvscope's JSON: is this an hvscope instance's address\?/,
    );
    const closed = await startUploadServer(conn);
    await closed.close();
    await expect(
      uploadPaths(remoteTarget(closed.origin, token), ["lib/parsers/__fixtures__/hyperfine"]),
    ).rejects.toThrow(`could not reach ${closed.origin}/api/imports: connect ECONNREFUSED`);
  });
});

describe("postUpload", () => {
  it("sends again once when the connection is closed before any answer (a re-sent file is skipped, so this is safe)", async () => {
    let requests = 0;
    const server = createServer((req, res) => {
      req.resume();
      if (++requests === 1) req.socket.destroy();
      else req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await postUpload(new URL(`http://127.0.0.1:${port}/api/imports`), { body: "x" });
      expect(await response.json()).toEqual({ ok: true });
      expect(requests).toBe(2);
    } finally {
      server.close();
    }
  });
});
