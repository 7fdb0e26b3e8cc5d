import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createUploadToken } from "@/db/queries/upload-tokens";
import { createTestDb } from "@/test/test-db";

describe("app/api/imports/route.ts POST", () => {
  const conn = createTestDb();
  afterAll(() => conn.cleanup());

  it("is wired to the upload handler on its own connection: the GET beside it lists the new import", async () => {
    process.env.HVSCOPE_DB = conn.path;
    const { GET, POST } = await import("@/app/api/imports/route");
    const token = await createUploadToken(conn.db, "route-test", null);
    const form = new FormData();
    const fixture = "lib/parsers/__fixtures__/hyperfine/runs10.json";
    form.append("file", new Blob([new Uint8Array(readFileSync(fixture))]), "runs10.json");
    form.append("dataset", "route-test");
    form.append("runtime", "runc");
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await POST(
      new Request("http://hvscope.test/api/imports", {
        method: "POST",
        body: form,
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      imported: 1,
      importId: 1,
      permalink: "/explore?dataset=route-test&asof=1",
    });
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/^\[upload\] token=route-test bytes=\d+ files=1 status=200 imported=1/),
    );
    log.mockRestore();
    const listed = await (await GET(new Request("http://hvscope.test/api/imports"))).json();
    expect(listed.imports.map((i: { id: number }) => i.id)).toEqual([1]);
  });
});
