import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type OpenDb } from "../open";
import { cacheUntilDataChanges, cacheUntilInputsChange } from "./read-cache";
import { createTestDb } from "@/test/test-db";

let conn: ReturnType<typeof createTestDb>;
let other: OpenDb;
beforeEach(() => {
  conn = createTestDb();
  other = openDb(conn.path);
});
afterEach(() => {
  other.close();
  conn.cleanup();
});

/** Counts calls and returns the number of datasets, so a stale answer shows. */
function countingDatasets({ summary = false, keepOnSecondRead = false } = {}) {
  let calls = 0;
  const read = cacheUntilDataChanges(
    async (db: OpenDb["db"], label: string) => {
      calls++;
      return `${label}:${db.$client.prepare("SELECT count(*) FROM datasets").pluck().get() as number}`;
    },
    { maxEntries: 2, summary, keepOnSecondRead },
  );
  return { read, calls: () => calls };
}

describe("cacheUntilDataChanges", () => {
  it("computes a repeated read once while nothing changes", async () => {
    const { read, calls } = countingDatasets();
    expect(await read(conn.db, "a")).toBe("a:0");
    expect(await read(conn.db, "a")).toBe("a:0");
    expect(calls()).toBe(1);
  });

  it("recomputes after another connection commits, and after this one writes", async () => {
    const { read, calls } = countingDatasets();
    await read(conn.db, "a");
    other.client.exec("INSERT INTO datasets (name) VALUES ('from-another-process')");
    expect(await read(conn.db, "a")).toBe("a:1");
    conn.client.exec("INSERT INTO datasets (name) VALUES ('from-this-connection')");
    expect(await read(conn.db, "a")).toBe("a:2");
    expect(calls()).toBe(3);
  });

  it("drops the least recently used entry beyond its size", async () => {
    const { read, calls } = countingDatasets();
    await read(conn.db, "a");
    await read(conn.db, "b");
    await read(conn.db, "a"); // a is now the most recent
    await read(conn.db, "c"); // evicts b
    await read(conn.db, "a");
    expect(calls()).toBe(3);
    await read(conn.db, "b");
    expect(calls()).toBe(4);
  });

  it("with keepOnSecondRead, keeps a result only when its read comes again within the last misses", async () => {
    const { read, calls } = countingDatasets({ keepOnSecondRead: true });
    await read(conn.db, "a");
    await read(conn.db, "a"); // seen before: computed and kept
    await read(conn.db, "a");
    expect(calls()).toBe(2);
    // Reads in turn, more of them than the cache holds, are never kept, so they never push "a" out.
    for (const label of ["b", "c", "d", "b", "c", "d"]) await read(conn.db, label);
    expect(calls()).toBe(8);
    await read(conn.db, "a");
    expect(calls()).toBe(8);
  });

  it("with HVSCOPE_READ_CACHE=off, computes every view but keeps summaries until the data changes", async () => {
    const view = countingDatasets();
    const summary = countingDatasets({ summary: true });
    process.env.HVSCOPE_READ_CACHE = "off";
    try {
      for (const read of [view.read, summary.read]) {
        await read(conn.db, "a");
        await read(conn.db, "a");
      }
      expect([view.calls(), summary.calls()]).toEqual([2, 1]);
      other.client.exec("INSERT INTO datasets (name) VALUES ('from-another-process')");
      expect(await summary.read(conn.db, "a")).toBe("a:1");
      expect(summary.calls()).toBe(2);
    } finally {
      delete process.env.HVSCOPE_READ_CACHE;
    }
  });
});

describe("cacheUntilInputsChange bounded by bytes", () => {
  it("drops the least recently used results once their sizes exceed the bound, keeping the one in use", async () => {
    const reads: string[] = [];
    const read = cacheUntilInputsChange(
      "test-bytes",
      async (_db: OpenDb["db"], name: string) => {
        reads.push(name);
        return name.repeat(4);
      },
      {
        maxEntries: 100,
        fingerprint: async (_db: OpenDb["db"], _name: string) => "same",
        bytes: { of: (r) => r.length, max: () => 10 },
      },
    );
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    for (const name of ["a", "b"]) await read(conn.db, name);
    await settle();
    await read(conn.db, "a"); // now b is the least recently used
    await read(conn.db, "c"); // 12 bytes held: b goes
    await settle();
    expect(reads).toEqual(["a", "b", "c"]);
    await read(conn.db, "a");
    await read(conn.db, "c");
    expect(reads).toEqual(["a", "b", "c"]);
    await read(conn.db, "b");
    await settle();
    expect(reads).toEqual(["a", "b", "c", "b"]);
    // One result larger than the bound is still kept while it is the only one.
    const big = cacheUntilInputsChange("test-bytes-big", async () => ({ size: 50 }), {
      maxEntries: 100,
      fingerprint: async () => "same",
      bytes: { of: (r) => r.size, max: () => 10 },
    });
    const first = await big(conn.db);
    await settle();
    expect(await big(conn.db)).toBe(first);
  });
});
