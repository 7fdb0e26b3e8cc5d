import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPaths } from "@/db/ingest/import-paths";
import { shortLinks } from "@/db/schema";
import { loadFilters } from "@/lib/search-params";
import { shortIdCandidates } from "@/lib/share/short-id";
import { PUBLIC_DATA } from "@/test/public-datasets";
import { createTestDb } from "@/test/test-db";
import { getExploreData } from "./explore";
import { resolveShortLink, saveShortLink } from "./short-links";

const GVISOR = join(PUBLIC_DATA, "gvisor-website");

/** The overhead table a permalink shows, as the page reads it. */
async function rowsOf(conn: ReturnType<typeof createTestDb>, path: string) {
  const query = new URLSearchParams(path.slice(path.indexOf("?") + 1));
  const data = await getExploreData(conn.db, loadFilters(query), Object.fromEntries(query));
  return data.table.rows.map((r) => [r.runtime, r.workload, r.metric, r.n, r.overheadPct, r.ciLowPct]);
}

describe("short links", () => {
  const conn = createTestDb();
  // Import 1 holds gVisor's Redis results only; import 2, made after the link, the rest of the dataset.
  const pinned = "/explore?dataset=gvisor-website&host=gvisor-website&baseline=runc&view=overhead&asof=1";
  let id = "";
  beforeAll(async () => {
    await importPaths(conn, [join(GVISOR, "redis.csv")]);
    id = (await saveShortLink(conn.db, pinned, 1)).id;
  }, 60_000);
  afterAll(() => conn.cleanup());

  it("gives a permalink the same short, URL-safe id every time, derived from its hash", async () => {
    expect(id).toBe(shortIdCandidates(pinned)[0]);
    expect(id).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect((await saveShortLink(conn.db, pinned, 1)).id).toBe(id);
    expect(await conn.db.select().from(shortLinks)).toHaveLength(1);
  });

  it("resolves to the same table as its long form, also after a later import changed the latest view", async () => {
    const before = await rowsOf(conn, pinned);
    expect(before.length).toBeGreaterThan(0);
    const latest = pinned.replace("&asof=1", "");
    expect(await rowsOf(conn, latest)).toEqual(before);

    await importPaths(conn, [GVISOR]);
    expect((await rowsOf(conn, latest)).length).toBeGreaterThan(before.length);
    const target = await resolveShortLink(conn.db, id);
    expect(target).toEqual({ status: "found", path: pinned, asof: 1 });
    expect(await rowsOf(conn, target.status === "found" ? target.path : "")).toEqual(before);
  }, 60_000);

  it("takes a longer prefix of the hash when the short one already names another permalink", async () => {
    const other = "/explore?dataset=gvisor-website&asof=2";
    const [first, second] = shortIdCandidates(other);
    await conn.db.insert(shortLinks).values({ id: first!, path: "/guide?asof=1", asof: 1, createdAt: new Date() });
    const link = await saveShortLink(conn.db, other, 2);
    expect(link.id).toBe(second);
    expect((await saveShortLink(conn.db, other, 2)).id).toBe(second);
  });

  it("says when the pinned import is gone, and knows no id it never made", async () => {
    const gone = await saveShortLink(conn.db, "/explore?asof=99", 99);
    expect(await resolveShortLink(conn.db, gone.id)).toMatchObject({ status: "data-gone", asof: 99 });
    expect(await resolveShortLink(conn.db, "AAAAAAAAAA")).toEqual({ status: "unknown" });
  });
});
