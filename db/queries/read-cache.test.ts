import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type OpenDb } from "../open";
import { cacheUntilDataChanges } from "./read-cache";
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
function countingDatasets({ summary = false } = {}) {
  let calls = 0;
  const read = cacheUntilDataChanges(
    async (db: OpenDb["db"], label: string) => {
      calls++;
      return `${label}:${db.$client.prepare("SELECT count(*) FROM datasets").pluck().get() as number}`;
    },
    { maxEntries: 2, summary },
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
