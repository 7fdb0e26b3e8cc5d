import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { importPaths } from "@/db/ingest/import-paths";
import { createUploadToken } from "@/db/queries/upload-tokens";
import { listTidyRows } from "@/db/queries/tidy-rows";
import { sqliteStore } from "@/db/store";
import { readEnv } from "@/lib/env";
import { countRows, createTestDb } from "@/test/test-db";
import { handleUpload } from "./handle-upload";
import { RateLimiter } from "./rate-limit";
import { tarEntry, tarGz } from "@/test/tar-entries";

const URL_ = "http://hvscope.test/api/imports";
const HYPERFINE = "lib/parsers/__fixtures__/hyperfine";
const FIXTURES = ["runs10.json", "warmup.json"].map((f) => join(HYPERFINE, f));

type Conn = ReturnType<typeof createTestDb>;

function multipart(
  token: string | null,
  files: { name: string; data: Buffer | string }[],
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  for (const f of files)
    form.append("file", new Blob([typeof f.data === "string" ? f.data : new Uint8Array(f.data)]), f.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return new Request(URL_, { method: "POST", body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
}

function gzipRequest(token: string, body: Buffer, query = "") {
  return new Request(`${URL_}${query}`, {
    method: "POST",
    body: new Uint8Array(body),
    headers: { authorization: `Bearer ${token}`, "content-type": "application/gzip" },
  });
}

const fixtureFiles = () => FIXTURES.map((p) => ({ name: p.split("/").pop()!, data: readFileSync(p) }));

describe("POST /api/imports (handleUpload)", () => {
  let conn: Conn;
  let token: string;
  const upload = (request: Request, env = readEnv({})) =>
    handleUpload(request, sqliteStore(conn), { env, limiter: new RateLimiter(1000) });
  const expectNothingStored = () => expect(Object.values(countRows(conn)).every((n) => n === 0)).toBe(true);

  beforeEach(async () => {
    conn = createTestDb();
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    conn.cleanup();
    vi.restoreAllMocks();
  });

  it("is off (403, saying how to turn it on) until a token exists", async () => {
    const res = await upload(multipart("whatever", fixtureFiles(), { dataset: "d", runtime: "runc" }));
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/npm run token -- create NAME/);
    expectNothingStored();
  });

  describe("with a token", () => {
    beforeEach(async () => {
      token = await createUploadToken(conn.db, "ci", null);
    });

    it("answers 401 without a token or with a wrong one", async () => {
      expect((await upload(multipart(null, fixtureFiles()))).status).toBe(401);
      const wrong = await upload(multipart(`${token}x`, fixtureFiles()));
      expect(wrong.status).toBe(401);
      expect((await wrong.json()).error).toBe("unknown or revoked token");
      expectNothingStored();
    });

    it("answers 403 for a dataset outside the token's pattern", async () => {
      const limited = await createUploadToken(conn.db, "kata-ci", "kata-*");
      const res = await upload(multipart(limited, fixtureFiles(), { dataset: "firecracker-nightly" }));
      expect(res.status).toBe(403);
      expect((await res.json()).error).toMatch(/"kata-\*", not to "firecracker-nightly"/);
      expectNothingStored();
      expect(
        (await upload(multipart(limited, fixtureFiles(), { dataset: "kata-nightly", runtime: "kata" }))).status,
      ).toBe(200);
    });

    it("answers 415 for a body that is neither multipart nor gzip", async () => {
      const req = new Request(URL_, {
        method: "POST",
        body: "{}",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      });
      const res = await upload(req);
      expect(res.status).toBe(415);
      expect((await res.json()).error).toMatch(/multipart\/form-data .* application\/gzip/);
    });

    it("answers 413 over the request, file, file count and unpacked limits", async () => {
      const env = (over: Partial<ReturnType<typeof readEnv>>) => ({ ...readEnv({}), ...over });
      const files = fixtureFiles();
      const cases = [
        { HVSCOPE_UPLOAD_MAX_REQUEST_BYTES: 1000 },
        { HVSCOPE_UPLOAD_MAX_FILE_BYTES: 100 },
        { HVSCOPE_UPLOAD_MAX_FILES: 1 },
        { HVSCOPE_UPLOAD_MAX_UNPACKED_BYTES: files[0]!.data.length + 1 },
      ];
      for (const over of cases) {
        const res = await upload(multipart(token, files, { dataset: "d", runtime: "runc" }), env(over));
        expect(res.status, JSON.stringify(over)).toBe(413);
      }
      expectNothingStored();
    });

    it("stops a gzip bomb at the unpacked limit", async () => {
      const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
      expect(bomb.length).toBeLessThan(100_000);
      const res = await upload(gzipRequest(token, bomb), {
        ...readEnv({}),
        HVSCOPE_UPLOAD_MAX_UNPACKED_BYTES: 1 << 20,
      });
      expect(res.status).toBe(413);
      expect((await res.json()).error).toMatch(/unpacks to more than 1048576 bytes/);
      expectNothingStored();
    });

    it("refuses archives with ../, absolute paths or symlinks, and imports none of their files", async () => {
      const good = tarEntry("d/runs10.json", readFileSync(FIXTURES[0]!, "utf8"));
      for (const [bad, message] of [
        [tarEntry("d/../../escape.json", "{}"), /"\.\."/],
        [tarEntry("/tmp/escape.json", "{}"), /absolute path/],
        [tarEntry("d/link.json", "", "2", "/etc/passwd"), /symbolic link/],
      ] as const) {
        const res = await upload(gzipRequest(token, tarGz(good, bad)));
        expect(res.status).toBe(422);
        expect((await res.json()).error).toMatch(message);
      }
      expectNothingStored();
    });

    it("answers 422 when nothing in the upload is importable", async () => {
      const res = await upload(
        multipart(token, [{ name: "notes.log", data: "no benchmark here\n" }], { dataset: "d", runtime: "runc" }),
      );
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error).toMatch(/nothing importable/);
      expect(body.failed).toEqual([{ file: "notes.log", error: expect.any(String) }]);
      expect(body.failed[0].error).not.toContain("hvscope-upload-");
    });

    it("imports nothing when the connection drops mid-upload", async () => {
      const whole = new Uint8Array(
        await multipart(token, fixtureFiles(), { dataset: "d", runtime: "runc" }).arrayBuffer(),
      );
      const contentType = multipart(token, []).headers.get("content-type")!;
      const cut = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(whole.subarray(0, whole.length - 200));
          controller.error(new Error("socket hang up"));
        },
      });
      const req = new Request(URL_, {
        method: "POST",
        body: cut,
        duplex: "half",
        headers: { authorization: `Bearer ${token}`, "content-type": contentType },
      } as RequestInit);
      const res = await upload(req);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(/cut off after \d+ bytes: nothing imported/);
      expectNothingStored();
      expect(conn.client.prepare("SELECT count(*) AS n FROM imports").get()).toEqual({ n: 0 });
    });

    it("limits uploads per token per minute (429 with Retry-After)", async () => {
      const limiter = new RateLimiter(1);
      const first = await handleUpload(
        multipart(token, fixtureFiles(), { dataset: "d", runtime: "runc" }),
        sqliteStore(conn),
        {
          env: readEnv({}),
          limiter,
        },
      );
      expect(first.status).toBe(200);
      const second = await handleUpload(
        multipart(token, fixtureFiles(), { dataset: "d", runtime: "runc" }),
        sqliteStore(conn),
        {
          env: readEnv({}),
          limiter,
        },
      );
      expect(second.status).toBe(429);
      expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
    });

    it("imports files as `npm run ingest --dataset` does, answers a pinned permalink, and skips a re-send", async () => {
      const res = await upload(
        multipart(token, fixtureFiles(), { dataset: "hyperfine-upload", host: "ci-box", runtime: "runc" }),
      );
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body).toMatchObject({ files: 2, imported: 2, skipped: 0, failed: [], importId: 1 });
      expect(body.samples).toBeGreaterThan(0);
      expect(body.permalink).toMatch(/^\/explore\?dataset=hyperfine-upload&.*asof=1/);

      const cli = createTestDb();
      try {
        await importPaths(cli, FIXTURES, { dataset: "hyperfine-upload", host: "ci-box", runtime: "runc" });
        expect(await listTidyRows(conn.db)).toEqual(await listTidyRows(cli.db));
      } finally {
        cli.cleanup();
      }

      const again = await (
        await upload(multipart(token, fixtureFiles(), { dataset: "hyperfine-upload", host: "ci-box", runtime: "runc" }))
      ).json();
      expect(again).toMatchObject({ files: 2, imported: 0, skipped: 2, samples: 0 });
    });

    it("keeps multipart files' folders (a browser's folder upload: run-1/crun/…, imported as the folder run-1), so the runtime comes from the path, and applies a manifest part", async () => {
      const files = fixtureFiles().map((f) => ({ ...f, name: `run-1/crun/${f.name}` }));
      const manifest = "dataset: from-manifest\nhost:\n  name: manifest-box\n";
      const form = multipart(token, files);
      const withManifest = await form.formData();
      withManifest.append("manifest", new Blob([manifest]), "hvscope.yaml");
      const res = await upload(
        new Request(URL_, { method: "POST", body: withManifest, headers: { authorization: `Bearer ${token}` } }),
      );
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      // The manifest part is read for its labels and said so, not counted among the outputs.
      expect(body).toMatchObject({ files: files.length, ignored: 0, manifests: 1 });
      const rows = await listTidyRows(conn.db);
      expect(new Set(rows.map((r) => [r.dataset, r.host, r.runtime, r.source_file.split("/")[0]].join(" ")))).toEqual(
        new Set(["from-manifest manifest-box crun crun"]),
      );
      const escape = await upload(
        multipart(token, [{ name: "../runs10.json", data: files[0]!.data }], { dataset: "d" }),
      );
      expect(escape.status).toBe(422);
    });

    it("ignores a manifest planted above its temp folder (another user's /tmp/hvscope.yaml)", async () => {
      const hostileTmp = mkdtempSync(join(tmpdir(), "hvscope-hostile-tmp-"));
      writeFileSync(join(hostileTmp, "hvscope.yaml"), 'dataset: hijacked\nignore:\n  - "**"\n');
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = hostileTmp;
      try {
        const res = await upload(multipart(token, fixtureFiles(), { runtime: "runc" }));
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ imported: 2, permalink: expect.stringContaining("dataset=upload&") });
      } finally {
        if (saved === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = saved;
        rmSync(hostileTmp, { recursive: true, force: true });
      }
    });

    it("imports a .tar.gz of a harness output folder as the CLI imports that folder (its manifest applies)", async () => {
      const archive = execFileSync("tar", ["czf", "-", "-C", "data", "bundled"], { maxBuffer: 64 << 20 });
      const res = await upload(gzipRequest(token, archive));
      const body = await res.json();
      expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(200);

      const cli = createTestDb();
      try {
        const summary = await importPaths(cli, ["data/bundled"]);
        expect(body).toMatchObject({
          files: summary.files,
          imported: summary.imported,
          failed: summary.failed,
          ignored: summary.ignored,
          manifests: summary.manifests,
        });
        // Every file of the archive is accounted for: an output, or context (its manifest, sys/, steps.json).
        const inArchive = execFileSync("tar", ["tzf", "-"], { input: archive, encoding: "utf8", maxBuffer: 64 << 20 })
          .split("\n")
          .filter((p) => p !== "" && !p.endsWith("/"));
        expect(body.files + body.ignored + body.manifests).toBe(inArchive.length);
        expect(body.manifests).toBe(inArchive.filter((p) => p.endsWith("/hvscope.yaml")).length);
        const uploaded = await listTidyRows(conn.db);
        expect(uploaded.length).toBeGreaterThan(100);
        expect(uploaded).toEqual(await listTidyRows(cli.db));
        expect(body.permalink).toContain(`dataset=${uploaded[0]!.dataset}`);
      } finally {
        cli.cleanup();
      }
    }, 120_000);
  });
});
